using Microsoft.AspNetCore.Http.HttpResults;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Explanations;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Apis;

/// <summary>The engine's full answer for any text, storing nothing (the UI's live preview uses the same engine).</summary>
public static class SentimentApi
{
    public const int MaxBatch = 1000;

    public static RouteGroupBuilder MapSentimentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sentiment").WithTags("Sentiment");
        group.MapPost("", Analyze).WithSummary("Score one text")
            .AddEndpointFilter(new UnreadableTextFilter("text", "text has no readable characters."));
        group.MapPost("/batch", AnalyzeBatch).WithSummary($"Score up to {MaxBatch} texts")
            .AddEndpointFilter(new UnreadableTextFilter("texts", "a text has no readable characters."));
        group.MapPost("/explain", Explain).WithSummary("Score one text and say why: each word's contribution, each sentence's verdict")
            .WithDescription("tokens[].contribution is how much P(positive) − P(negative) drops when the word is left out (null past the "
                + "word cap); mixed is true when one sentence is clearly positive and another clearly negative.")
            .AddEndpointFilter(new UnreadableTextFilter("text", "text has no readable characters."));
        return group;
    }

    public static Results<Ok<SentimentResult>, ProblemHttpResult> Analyze(SentimentRequest request, ISentimentAnalyzer analyzer) =>
        InvalidText(request.Text) is { } invalid ? invalid : TypedResults.Ok(analyzer.Analyze(request.Text!));

    public static Results<Ok<ExplanationResponse>, ProblemHttpResult> Explain(SentimentRequest request, SentimentExplainer explainer) =>
        InvalidText(request.Text) is { } invalid ? invalid : TypedResults.Ok(ExplanationResponse.Of(explainer.Explain(request.Text!)));

    private static ProblemHttpResult? InvalidText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ValidationFilter<object>.Invalid(new Dictionary<string, string[]> { ["text"] = ["text must not be empty."] });
        }
        return StorableTextAttribute.IsStorable(text)
            ? null
            : ValidationFilter<object>.Invalid(new Dictionary<string, string[]> { ["text"] = [StorableTextAttribute.Message] });
    }

    public static Results<Ok<SentimentBatchResponse>, ProblemHttpResult> AnalyzeBatch(SentimentBatchRequest request, ISentimentAnalyzer analyzer)
    {
        if (request.Texts is not { Count: > 0 } texts || texts.Count > MaxBatch)
        {
            return ValidationFilter<object>.Invalid(new Dictionary<string, string[]> { ["texts"] = [$"texts must hold 1 to {MaxBatch} texts."] });
        }
        var empty = Enumerable.Range(0, texts.Count).Where(i => string.IsNullOrWhiteSpace(texts[i])).ToList();
        if (empty.Count > 0)
        {
            return ValidationFilter<object>.Invalid(empty.Take(20).ToDictionary(i => $"texts[{i}]", _ => new[] { "text must not be empty." }));
        }
        var unstorable = Enumerable.Range(0, texts.Count).Where(i => !StorableTextAttribute.IsStorable(texts[i])).ToList();
        if (unstorable.Count > 0)
        {
            return ValidationFilter<object>.Invalid(unstorable.Take(20).ToDictionary(i => $"texts[{i}]", _ => new[] { StorableTextAttribute.Message }));
        }
        return TypedResults.Ok(new SentimentBatchResponse(analyzer.AnalyzeBatch(texts)));
    }
}
