using Microsoft.AspNetCore.Http.HttpResults;

namespace MovieGpt.Server.Apis;

/// <summary>The prototype's 404 bodies, as ProblemDetails (whose "detail" member its clients read).</summary>
internal static class ApiResults
{
    public static ProblemHttpResult MovieNotFound() => TypedResults.Problem(detail: "Movie not found", statusCode: StatusCodes.Status404NotFound);

    /// <summary>409 naming the movie already registered from the same catalog record, in the extension member movie_id.</summary>
    public static ProblemHttpResult ExternalIdTaken(Services.ExternalIdTakenException taken) =>
        TypedResults.Problem(
            detail: $"The catalog record {taken.ExternalId} is already registered as movie {taken.MovieId}.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Movie already registered",
            extensions: new Dictionary<string, object?> { ["movie_id"] = taken.MovieId, ["external_id"] = taken.ExternalId });

    public static ProblemHttpResult ReviewNotFound() => TypedResults.Problem(detail: "Review not found", statusCode: StatusCodes.Status404NotFound);
}
