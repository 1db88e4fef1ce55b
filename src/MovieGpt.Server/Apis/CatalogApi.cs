using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieGpt.Server.Catalog;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Extensions;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Apis;

/// <summary>The outside movie catalog (TMDB): search it, read a record, register a movie from one.</summary>
public static class CatalogApi
{
    /// <summary>The most hits a search answers.</summary>
    public const int MaxHits = 10;

    public const int MaxQueryLength = 100;

    private const string Failures =
        " 503 (with the setting to set) when Tmdb:ApiKey is not set, 502 when TMDB refuses the key or answers something unreadable, " +
        "504 when it does not answer in time, 503 with Retry-After when it keeps rate limiting.";

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalog").WithTags("Catalog");
        group.MapGet("/search", Search)
            .WithSummary("Search the movie catalog")
            .WithDescription($"At most {MaxHits} hits, best first; titles in Korean where TMDB has them, else the original title; query is 1–{MaxQueryLength} characters." + Failures)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        group.MapGet("/{id:int}", GetRecord)
            .WithSummary("A catalog record: director, top 10 cast, genres, countries, runtime, plot")
            .WithDescription("movie_id is the registered movie made from this record, if any; 404 when TMDB does not know the id." + Failures)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        app.MapPost("/api/movies/from-catalog/{id:int}", AddFromCatalog)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .AddEndpointFilter<IdempotencyFilter<int>>()
            .WithTags("Movies", "Catalog")
            .WithSummary("Register a movie from its catalog record")
            .WithDescription("201 with the stored movie (external_id tmdb:{id}); 409 with the registered movie's movie_id when the record is already registered; " +
                "404 when TMDB does not know the id. Nothing is stored when TMDB fails." + Failures + " " + IdempotencyFilter<int>.Description)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<CatalogSearchHit>>, ProblemHttpResult>> Search(
        [Description("What to look for, 1–100 characters")] string? query, ICatalogProvider catalog, HttpResponse response, CancellationToken ct)
    {
        var error = string.IsNullOrWhiteSpace(query) ? "query is required."
            : query.Trim().Length > MaxQueryLength ? $"query must be at most {MaxQueryLength} characters."
            : !StorableTextAttribute.IsStorable(query) ? StorableTextAttribute.Message
            : null;
        if (error is not null)
        {
            return ValidationFilter<object>.Invalid(new Dictionary<string, string[]> { ["query"] = [error] });
        }
        try
        {
            return TypedResults.Ok(await catalog.SearchAsync(query!.Trim(), MaxHits, ct));
        }
        catch (CatalogException failure)
        {
            return CatalogProblem(failure, response);
        }
    }

    public static async Task<Results<Ok<CatalogMovie>, ProblemHttpResult>> GetRecord(
        int id, ICatalogProvider catalog, IMovieService movies, HttpResponse response, CancellationToken ct)
    {
        try
        {
            var record = await catalog.GetAsync(id, ct);
            return TypedResults.Ok(record with { MovieId = await movies.FindByExternalIdAsync(record.ExternalId, ct) });
        }
        catch (CatalogException failure)
        {
            return CatalogProblem(failure, response);
        }
    }

    public static async Task<Results<Created<MovieResponse>, ProblemHttpResult>> AddFromCatalog(
        int id, CatalogImport import, HttpResponse response, CancellationToken ct)
    {
        try
        {
            var movie = await import.AddAsync(id, ct);
            return TypedResults.Created($"/api/movies/{movie.Id}", movie);
        }
        catch (CatalogException failure)
        {
            return CatalogProblem(failure, response);
        }
        catch (ExternalIdTakenException taken)
        {
            return ApiResults.ExternalIdTaken(taken);
        }
    }

    // The Retry-After header goes on the response itself: the problem result writes the body only.
    private static ProblemHttpResult CatalogProblem(CatalogException failure, HttpResponse response)
    {
        var (status, title) = failure.Failure switch
        {
            CatalogFailure.NotConfigured => (StatusCodes.Status503ServiceUnavailable, "Movie catalog not configured"),
            CatalogFailure.NotFound => (StatusCodes.Status404NotFound, "Catalog movie not found"),
            CatalogFailure.Unauthorized => (StatusCodes.Status502BadGateway, "The movie catalog refused our key"),
            CatalogFailure.Timeout => (StatusCodes.Status504GatewayTimeout, "The movie catalog did not answer in time"),
            CatalogFailure.RateLimited => (StatusCodes.Status503ServiceUnavailable, "The movie catalog is busy"),
            _ => (StatusCodes.Status502BadGateway, "The movie catalog answered badly"),
        };
        var extensions = new Dictionary<string, object?>();
        if (failure.Failure is CatalogFailure.NotConfigured or CatalogFailure.Unauthorized)
        {
            extensions["setting"] = "Tmdb:ApiKey";
        }
        if (failure.RetryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            extensions["retry_after_seconds"] = seconds;
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return TypedResults.Problem(failure.Message, statusCode: status, title: title, extensions: extensions);
    }
}
