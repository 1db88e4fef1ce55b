using Microsoft.AspNetCore.Http.HttpResults;

namespace MovieGpt.Server.Apis;

/// <summary>The prototype's 404 bodies, as ProblemDetails (whose "detail" member its clients read), and the engine's refusals.</summary>
internal static class ApiResults
{
    /// <summary>
    /// The engine's answer to a text with nothing it can read (say, only zero-width characters, which pass a length
    /// check): an <see cref="ArgumentException"/> on its text parameter (<see cref="MovieGpt.Sentiment.ISentimentAnalyzer"/>).
    /// </summary>
    public static bool IsUnreadableText(ArgumentException e) => e.ParamName == "text";

    public static ProblemHttpResult UnreadableText(string field, string message) =>
        ValidationFilter<object>.Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult MovieNotFound() => TypedResults.Problem(detail: "Movie not found", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult ReviewNotFound() => TypedResults.Problem(detail: "Review not found", statusCode: StatusCodes.Status404NotFound);
}
