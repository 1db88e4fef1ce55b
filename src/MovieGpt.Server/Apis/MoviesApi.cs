using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Extensions;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Apis;

public static class MoviesApi
{
    public static RouteGroupBuilder MapMoviesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/movies").WithTags("Movies");

        // "" also answers "/api/movies/", the path the prototype's clients call.
        group.MapGet("", ListMovies)
            .WithSummary("List movies")
            .WithDescription($"Newest first unless sorted otherwise; q searches title, director and genre (case-insensitive). limit is capped at {Paging.MaxLimit}.");
        group.MapGet("/{id:int}", GetMovie).WithSummary("Get a movie");
        group.MapPost("", CreateMovie)
            .AddEndpointFilter<IdempotencyFilter<CreateMovieRequest>>()
            .AddEndpointFilter<ValidationFilter<CreateMovieRequest>>()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Register a movie")
            .WithDescription("The catalog fields are optional: genres (when set, genre is answered as them joined with \", \"), actors (top billed, at most 10), " +
                "countries, original_title, plot_summary (at most 5,000 characters), runtime_minutes and external_id (e.g. tmdb:496243; 409 with the registered movie's movie_id when taken)."
                + " " + IdempotencyFilter<CreateMovieRequest>.Description)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:int}", DeleteMovie).RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Delete a movie and its reviews");
        group.MapGet("/{id:int}/stats", GetStats)
            .WithSummary("Sentiment statistics of a movie's reviews")
            .WithDescription("average_score is the mean of P(positive) + P(neutral)/2 over the reviews (0 when there are none). " +
                "aspects has each of 연기, 스토리, 연출, 액션 and 음악: how many reviews mention it, per label, and positive_share, the positive share of those mentions (0 without mentions).");
        return group;
    }

    public sealed record ListParameters(
        [property: Description("Search text (title, director, genre)")] string? Q,
        [property: Description("newest | reviews | score")] string? Sort,
        [property: DefaultValue(0)] int? Skip,
        [property: DefaultValue(100)] int? Limit);

    public static async Task<Results<Ok<IReadOnlyList<MovieResponse>>, ProblemHttpResult>> ListMovies(
        [AsParameters] ListParameters parameters, IMovieService movies, CancellationToken ct)
    {
        int skip = parameters.Skip ?? 0, limit = parameters.Limit ?? 100;
        if (Paging.Check(skip, limit) is { } invalid)
        {
            return invalid;
        }
        if (parameters.Q is { } q && !StorableTextAttribute.IsStorable(q))
        {
            return ValidationFilter<object>.Invalid(new Dictionary<string, string[]> { ["q"] = [StorableTextAttribute.Message] });
        }
        if (!TryParseSort(parameters.Sort, out var sort))
        {
            return ValidationFilter<object>.Invalid(new Dictionary<string, string[]> { ["sort"] = ["sort must be newest, reviews or score."] });
        }
        return TypedResults.Ok(await movies.ListAsync(new MovieListQuery(parameters.Q, sort, skip, Paging.Cap(limit)), ct));
    }

    public static async Task<Results<Ok<MovieResponse>, ProblemHttpResult>> GetMovie(int id, IMovieService movies, CancellationToken ct) =>
        await movies.GetAsync(id, ct) is { } movie ? TypedResults.Ok(movie) : ApiResults.MovieNotFound();

    public static async Task<Results<Created<MovieResponse>, ProblemHttpResult>> CreateMovie(CreateMovieRequest request, IMovieService movies, CancellationToken ct)
    {
        try
        {
            var movie = await movies.CreateAsync(request, ct);
            return TypedResults.Created($"/api/movies/{movie.Id}", movie);
        }
        catch (ExternalIdTakenException taken)
        {
            return ApiResults.ExternalIdTaken(taken);
        }
    }

    public static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> DeleteMovie(int id, IMovieService movies, CancellationToken ct) =>
        await movies.DeleteAsync(id, ct) ? TypedResults.Ok(new MessageResponse("Movie deleted successfully")) : ApiResults.MovieNotFound();

    public static async Task<Results<Ok<MovieStatsResponse>, ProblemHttpResult>> GetStats(int id, IMovieService movies, CancellationToken ct) =>
        await movies.GetStatsAsync(id, ct) is { } stats ? TypedResults.Ok(stats) : ApiResults.MovieNotFound();

    private static bool TryParseSort(string? value, out MovieSort sort)
    {
        sort = MovieSort.Newest;
        return string.IsNullOrWhiteSpace(value)
            || (Enum.TryParse(value, ignoreCase: true, out sort) && Enum.IsDefined(sort) && !int.TryParse(value, out _));
    }
}
