using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MovieGpt.Testing.Tmdb;

/// <summary>
/// A stand-in for TMDB's API on loopback (a port of its own), answering in TMDB's real response shapes: search/movie
/// pages, movie details with credits, and its error bodies. It shares nothing with the app but the base URL it is
/// given. Some ids and queries misbehave on purpose (<see cref="FakeTmdbMovies"/>); every request is recorded.
/// </summary>
public sealed class FakeTmdb : IAsyncDisposable
{
    /// <summary>A v3 API key the fake accepts as the api_key query parameter.</summary>
    public const string V3Key = "0123456789abcdef0123456789abcdef";

    /// <summary>A v4 read access token (a JWT) the fake accepts as a Bearer token.</summary>
    public const string V4Token = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJmYWtlLXRtZGIiLCJzY29wZXMiOlsiYXBpX3JlYWQiXX0.c2lnbmF0dXJlLW9mLXRoZS1mYWtlLXRva2Vu";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeTmdbRequest> _requests = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _held = new();

    private FakeTmdb(WebApplication app) => _app = app;

    /// <summary>Where the app should send its calls: the value of <c>Tmdb:BaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Poster paths are served under this (the value of <c>Tmdb:ImageBaseUrl</c>).</summary>
    public string ImageBaseUrl { get; private set; } = "";

    /// <summary>How long the slow answers take (the app's timeout must be shorter).</summary>
    public TimeSpan SlowAnswer { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyCollection<FakeTmdbRequest> Requests => [.. _requests];

    /// <summary>The requests whose path (after /3/) is <paramref name="path"/>, e.g. <c>movie/496243</c>.</summary>
    public int Count(string path) => _requests.Count(r => r.Path == path);

    /// <summary>
    /// Holds the answers for movie <paramref name="id"/> (each request is recorded on arrival) until the answer is
    /// disposed, so a test can have several lookups in flight at once.
    /// </summary>
    public IDisposable Hold(int id)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held[id] = held;
        return new Release(() =>
        {
            _held.TryRemove(id, out _);
            held.TrySetResult();
        });
    }

    /// <summary>
    /// The settings that point the app at this fake with the v3 key (or the v4 token, or any key): one retry, a short
    /// back-off, and timeouts long enough for a busy test machine unless <paramref name="impatient"/> (then an attempt
    /// gets half a second, so the slow answers time out).
    /// </summary>
    public Dictionary<string, string?> Settings(bool bearer = false, string? key = null, bool impatient = false) => new()
    {
        ["Tmdb:ApiKey"] = key ?? (bearer ? V4Token : V3Key),
        ["Tmdb:BaseUrl"] = BaseUrl,
        ["Tmdb:ImageBaseUrl"] = ImageBaseUrl,
        ["Tmdb:AttemptTimeoutSeconds"] = impatient ? "0.5" : "20",
        ["Tmdb:TotalTimeoutSeconds"] = impatient ? "2" : "60",
        ["Tmdb:RetryDelaySeconds"] = "0.05",
        ["Tmdb:MaxRetries"] = "1",
    };

    public static async Task<FakeTmdb> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTmdb(app);
        app.Use(async (context, next) =>
        {
            fake.Record(context.Request);
            await next(context);
        });
        app.MapGet("/3/search/movie", (Func<HttpContext, Task<IResult>>)fake.SearchAsync);
        app.MapGet("/3/movie/{id:int}", (Func<int, HttpContext, Task<IResult>>)fake.MovieAsync);
        app.MapGet("/images/{**path}", (string path) => Results.Bytes(FakeTmdbMovies.Poster(path), "image/svg+xml"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = $"{address}/3";
        fake.ImageBaseUrl = $"{address}/images";
        return fake;
    }

    private void Record(HttpRequest request)
    {
        var bearer = request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        _requests.Enqueue(new FakeTmdbRequest(
            request.Path.Value!.TrimStart('/')["3/".Length..],
            request.Query["query"].ToString(),
            request.Query["language"].ToString(),
            request.Query["api_key"].ToString() is { Length: > 0 } key ? key : null,
            bearer,
            request.Query["append_to_response"].ToString()));
    }

    private async Task<IResult> SearchAsync(HttpContext context)
    {
        if (Unauthorized(context.Request) is { } refused)
        {
            return refused;
        }
        var query = context.Request.Query["query"].ToString();
        if (FakeTmdbMovies.Misbehaviour(query) is { } misbehaviour)
        {
            return await MisbehaveAsync(misbehaviour, context);
        }
        var korean = context.Request.Query["language"] == "ko-KR";
        var results = FakeTmdbMovies.Search(query).Select(m => m.SearchResult(korean)).ToList();
        // TMDB pages by 20.
        return Json(new JsonObject
        {
            ["page"] = 1,
            ["results"] = new JsonArray([.. results.Take(20)]),
            ["total_pages"] = Math.Max(1, (results.Count + 19) / 20),
            ["total_results"] = results.Count,
        });
    }

    private async Task<IResult> MovieAsync(int id, HttpContext context)
    {
        if (Unauthorized(context.Request) is { } refused)
        {
            return refused;
        }
        if (FakeTmdbMovies.Misbehaviour(id) is { } misbehaviour)
        {
            return await MisbehaveAsync(misbehaviour, context);
        }
        if (_held.TryGetValue(id, out var held))
        {
            await held.Task.WaitAsync(context.RequestAborted);
        }
        var movie = FakeTmdbMovies.Find(id);
        return movie is null
            ? Error(StatusCodes.Status404NotFound, 34, "The resource you requested could not be found.")
            : Json(movie.Details(context.Request.Query["language"] == "ko-KR", context.Request.Query["append_to_response"] == "credits"));
    }

    private async Task<IResult> MisbehaveAsync(FakeTmdbMisbehaviour misbehaviour, HttpContext context)
    {
        switch (misbehaviour)
        {
            case FakeTmdbMisbehaviour.Slow:
                await Task.Delay(SlowAnswer, context.RequestAborted);
                return Results.Text("""{"page":1,"results":[],"total_pages":1,"total_results":0}""", "application/json");
            case FakeTmdbMisbehaviour.Malformed:
                return Results.Text("""{"page":1,"results":[{"id":1,"title":"깨진""", "application/json");
            case FakeTmdbMisbehaviour.RateLimited:
                context.Response.Headers.RetryAfter = "1";
                return Error(StatusCodes.Status429TooManyRequests, 25, "Your request count (41) is over the allowed limit of 40.");
            case FakeTmdbMisbehaviour.RateLimitedLong:
                context.Response.Headers.RetryAfter = "120";
                return Error(StatusCodes.Status429TooManyRequests, 25, "Your request count (41) is over the allowed limit of 40.");
            default:
                return Error(StatusCodes.Status500InternalServerError, 11, "Internal error: Something went wrong, contact TMDb.");
        }
    }

    private static IResult? Unauthorized(HttpRequest request)
    {
        var apiKey = request.Query["api_key"].ToString();
        var header = request.Headers.Authorization.ToString();
        return apiKey == V3Key || header == $"Bearer {V4Token}"
            ? null
            : Error(StatusCodes.Status401Unauthorized, 7, "Invalid API key: You must be granted a valid key.");
    }

    private static IResult Error(int status, int code, string message) =>
        Results.Json(new JsonObject { ["status_code"] = code, ["status_message"] = message, ["success"] = false }, statusCode: status);

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json;charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the fake received; <see cref="Path"/> is what follows /3/, e.g. <c>search/movie</c>.</summary>
public sealed record FakeTmdbRequest(string Path, string Query, string Language, string? ApiKey, string? BearerToken, string AppendToResponse);

internal sealed class Release(Action release) : IDisposable
{
    public void Dispose() => release();
}
