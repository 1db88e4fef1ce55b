using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MovieGpt.Server.Catalog.Tmdb;

/// <summary>
/// TMDB's HTTP API as a typed client: timeouts, retries and the circuit breaker are the standard resilience handler's
/// (configured in <see cref="CatalogExtensions"/>); this class adds the key, reads the answer and turns every failure
/// into a <see cref="CatalogException"/>.
/// </summary>
public sealed class TmdbClient(HttpClient http, IOptions<TmdbOptions> options, ILogger<TmdbClient> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>What a 429 without a usable Retry-After header is answered with.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    internal async Task<TmdbSearchPage> SearchAsync(string query, CancellationToken ct)
    {
        var page = await GetAsync<TmdbSearchPage>($"search/movie?query={Uri.EscapeDataString(query)}&include_adult=false&page=1", ct);
        return page.Results is null ? throw Malformed("search/movie", "no results member") : page;
    }

    internal async Task<TmdbMovie> MovieAsync(int id, CancellationToken ct)
    {
        var movie = await GetAsync<TmdbMovie>($"movie/{id}?append_to_response=credits", ct);
        return movie.Id != id ? throw Malformed("movie/{id}", $"id {movie.Id} instead of {id}") : movie;
    }

    private async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken ct) where T : class
    {
        var settings = options.Value;
        var key = settings.ApiKey?.Trim() ?? throw new CatalogException(CatalogFailure.NotConfigured, TmdbCatalogProvider.NotConfigured);
        var uri = $"{pathAndQuery}&language={Uri.EscapeDataString(settings.Language)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, settings.IsBearerToken ? uri : $"{uri}&api_key={Uri.EscapeDataString(key)}");
        if (settings.IsBearerToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var endpoint = pathAndQuery[..pathAndQuery.IndexOf('?')];

        using var response = await SendAsync(request, endpoint, ct);
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException error)
        {
            throw Failed(CatalogFailure.BadGateway, $"TMDB's answer to {endpoint} broke off.", error);
        }
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                try
                {
                    return JsonSerializer.Deserialize<T>(body, Json) ?? throw Malformed(endpoint, "null");
                }
                catch (JsonException error)
                {
                    throw Malformed(endpoint, error.Message, error);
                }
            case HttpStatusCode.Unauthorized:
                throw Failed(CatalogFailure.Unauthorized,
                    $"TMDB refused the key set in Tmdb:ApiKey (HTTP 401{ErrorOf(body)}): check that it is a valid v3 API key or v4 read access token.");
            case HttpStatusCode.NotFound:
                throw new CatalogException(CatalogFailure.NotFound, $"TMDB does not know this movie{ErrorOf(body)}.");
            case HttpStatusCode.TooManyRequests:
                throw Failed(CatalogFailure.RateLimited, $"TMDB is rate limiting us (HTTP 429{ErrorOf(body)}).", retryAfter: RetryAfter(response) ?? DefaultRetryAfter);
            default:
                throw Failed(CatalogFailure.BadGateway, $"TMDB answered {endpoint} with HTTP {(int)response.StatusCode}{ErrorOf(body)}.");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string endpoint, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (TimeoutRejectedException error)
        {
            throw Failed(CatalogFailure.Timeout, $"TMDB did not answer {endpoint} in time.", error);
        }
        catch (BrokenCircuitException error)
        {
            throw Failed(CatalogFailure.RateLimited, "TMDB failed too often recently; calls to it are paused.", error, DefaultRetryAfter);
        }
        catch (HttpRequestException error)
        {
            throw Failed(CatalogFailure.BadGateway, $"TMDB could not be reached for {endpoint}: {error.Message}", error);
        }
        // HttpClient's own timeout (the resilience handler's total timeout is shorter, so this is a fallback).
        catch (TaskCanceledException error) when (!ct.IsCancellationRequested)
        {
            throw Failed(CatalogFailure.Timeout, $"TMDB did not answer {endpoint} in time.", error);
        }
    }

    private CatalogException Malformed(string endpoint, string why, Exception? inner = null) =>
        Failed(CatalogFailure.BadGateway, $"TMDB's answer to {endpoint} is not the JSON we expect ({why}).", inner);

    private CatalogException Failed(CatalogFailure failure, string message, Exception? inner = null, TimeSpan? retryAfter = null)
    {
        logger.LogWarning(inner, "TMDB call failed: {Failure}: {Message}", failure, message);
        return new CatalogException(failure, message, retryAfter, inner);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    // TMDB's own status code and message, when the body is its error shape.
    private static string ErrorOf(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<TmdbError>(body, Json) is { StatusCode: > 0 } error
                ? $", status_code {error.StatusCode}: {error.StatusMessage}"
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
