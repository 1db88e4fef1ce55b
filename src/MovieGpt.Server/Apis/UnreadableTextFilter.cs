namespace MovieGpt.Server.Apis;

/// <summary>
/// Answers 422 naming <c>field</c> when the engine refuses a text with nothing it can read (only zero-width characters,
/// say, which pass a length check): <see cref="MovieGpt.Sentiment.ISentimentAnalyzer"/> throws an
/// <see cref="ArgumentException"/> on its text parameter then. One filter for every endpoint that scores.
/// </summary>
internal sealed class UnreadableTextFilter(string field, string message) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ArgumentException e) when (e.ParamName == "text")
        {
            return ValidationFilter<object>.Invalid(new Dictionary<string, string[]> { [field] = [message] });
        }
    }
}
