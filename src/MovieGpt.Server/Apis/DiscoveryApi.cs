using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Apis;

/// <summary>
/// Rankings, recommendations and similar movies. Program.cs maps these before <see cref="MoviesApi"/>, so that
/// /api/movies/recommend is declared ahead of every /api/movies/{id} route (the prototype's was shadowed by one).
/// </summary>
public static class DiscoveryApi
{
    /// <summary>The longest list any of these endpoints returns; larger limits are cut to it.</summary>
    public const int MaxLimit = 100;

    private const string ScoreNote = "adjusted_score is the Bayesian score (v·R + m·C)/(v + m): R the movie's average_score, v its review count, "
        + "C the mean positivity of all reviews and m Rankings:MinReviews (default 10).";

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rankings", GetRankings)
            .WithTags("Rankings")
            .WithSummary("Best, most reviewed, trending and most divided movies")
            .WithDescription("period: all (default), 30d or 7d (the last 30 or 7 days in Korea, today included); genre: only movies with that genre among theirs. "
                + "best: by adjusted_score, rank null while a movie has fewer than min_reviews reviews (needs_more_reviews); most_reviewed: by review count; "
                + "trending: by trend_score, each review weighted 2^(−age in days / trending_half_life_days); most_divided: movies with at least min_reviews reviews "
                + "whose positive share, among the reviews labelled positive or negative, is closest to one half. Figures count the period's reviews. " + ScoreNote);

        var movies = app.MapGroup("/api/movies").WithTags("Movies");
        movies.MapGet("/recommend", Recommend)
            .WithSummary("Recommend movies")
            .WithDescription("Movies that pass every filter given, those with reviews first (genre: any of the movie's genres; director and actor: exact names, case-insensitive; "
                + "min_score: the least adjusted_score), best adjusted_score first. " + ScoreNote);
        movies.MapGet("/{id:int}/similar", Similar)
            .WithSummary("Movies similar to a movie")
            .WithDescription("Movies that share a genre, the director or an actor, ranked by similarity (0–1): shared genres, director and actors weigh 0.8, "
                + "how alike the reviews feel (positive share, rating histogram) 0.2. reasons says why in Korean, e.g. \"같은 감독\", \"장르: 스릴러\", \"긍정 리뷰 92%\".");
        return app;
    }

    public sealed record RankingParameters(
        [property: Description("all | 30d | 7d"), DefaultValue("all")][FromQuery(Name = "period")] string? Period,
        [property: Description("Only movies with this genre")][FromQuery(Name = "genre")] string? Genre,
        [property: Description("Length of each list (at most 100)"), DefaultValue(10)][FromQuery(Name = "limit")] int? Limit);

    public sealed record RecommendParameters(
        [property: Description("Any of the movie's genres")][FromQuery(Name = "genre")] string? Genre,
        [property: Description("The director's name")][FromQuery(Name = "director")] string? Director,
        [property: Description("An actor's name")][FromQuery(Name = "actor")] string? Actor,
        [property: Description("The least adjusted_score, 0–1")][FromQuery(Name = "min_score")] double? MinScore,
        [property: Description("How many movies (at most 100)"), DefaultValue(10)][FromQuery(Name = "limit")] int? Limit);

    public static async Task<Results<Ok<RankingsResponse>, ProblemHttpResult>> GetRankings(
        [AsParameters] RankingParameters parameters, IDiscoveryService discovery, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!RankingLists.TryParse(parameters.Period, out var period))
        {
            errors["period"] = ["period must be all, 30d or 7d."];
        }
        var genre = Filter(parameters.Genre, "genre", errors);
        var limit = Limit(parameters.Limit, errors);
        return errors.Count > 0
            ? ValidationFilter<object>.Invalid(errors)
            : TypedResults.Ok(await discovery.RankingsAsync(new RankingQuery(period, genre, limit), ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<MovieResponse>>, ProblemHttpResult>> Recommend(
        [AsParameters] RecommendParameters parameters, IDiscoveryService discovery, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new RecommendQuery(
            Filter(parameters.Genre, "genre", errors),
            Filter(parameters.Director, "director", errors),
            Filter(parameters.Actor, "actor", errors),
            parameters.MinScore,
            Limit(parameters.Limit, errors));
        if (parameters.MinScore is { } min && !(min >= 0 && min <= 1))
        {
            errors["min_score"] = ["min_score must be between 0 and 1."];
        }
        return errors.Count > 0 ? ValidationFilter<object>.Invalid(errors) : TypedResults.Ok(await discovery.RecommendAsync(query, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<SimilarMovieResponse>>, ProblemHttpResult>> Similar(
        int id, [Description("How many movies (at most 100)"), DefaultValue(10)] int? limit, IDiscoveryService discovery, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var count = Limit(limit, errors);
        if (errors.Count > 0)
        {
            return ValidationFilter<object>.Invalid(errors);
        }
        return await discovery.SimilarAsync(id, count, ct) is { } similar ? TypedResults.Ok(similar) : ApiResults.MovieNotFound();
    }

    // An empty filter filters nothing; text the database cannot store cannot match anything and is named as invalid.
    private static string? Filter(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!StorableTextAttribute.IsStorable(value))
        {
            errors[name] = [StorableTextAttribute.Message];
        }
        return value.Trim();
    }

    private static int Limit(int? value, Dictionary<string, string[]> errors)
    {
        if (value is < 0)
        {
            errors["limit"] = ["limit must be 0 or more."];
        }
        return Math.Clamp(value ?? 10, 0, MaxLimit);
    }
}
