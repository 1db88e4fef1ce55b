using Microsoft.AspNetCore.Http.HttpResults;

namespace MovieGpt.Server.Apis;

/// <summary>The prototype's 404 bodies, as ProblemDetails (whose "detail" member its clients read).</summary>
internal static class ApiResults
{
    public static ProblemHttpResult MovieNotFound() => TypedResults.Problem(detail: "Movie not found", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult ReviewNotFound() => TypedResults.Problem(detail: "Review not found", statusCode: StatusCodes.Status404NotFound);
}
