using Microsoft.AspNetCore.Http.HttpResults;

namespace MovieGpt.Server.Apis;

/// <summary>The prototype's 404 bodies, as ProblemDetails (whose "detail" member its clients read), and the account rules' refusals.</summary>
internal static class ApiResults
{
    public static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult NotSignedIn() => Unauthorized("로그인이 필요합니다. (Sign in first: POST /api/auth/login.)");

    public static ProblemHttpResult NotYours() =>
        TypedResults.Problem(detail: "본인의 글만 바꿀 수 있습니다. (Only its author or an admin may change this.)", statusCode: StatusCodes.Status403Forbidden);

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
