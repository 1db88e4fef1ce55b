using Microsoft.AspNetCore.Http.HttpResults;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Explanations;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Extensions;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Apis;

/// <summary>
/// The engine's full answer for any text, storing nothing (the UI's live preview uses the same engine). What one
/// request may ask is bounded (texts, characters) and checked before any scoring; scoring waits for its turn in the
/// <see cref="ScoringQueue"/>.
/// </summary>
public static class SentimentApi
{
    public const int MaxBatch = 1000;

    // The engine scores a batch of at most this many texts on the calling thread (more it spreads over every core).
    private const int EngineChunk = 64;

    public static RouteGroupBuilder MapSentimentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sentiment").WithTags("Sentiment").RequireRateLimiting(RateLimitPolicies.Ai);
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

    public static async Task<Results<Ok<SentimentResult>, ProblemHttpResult>> Analyze(
        SentimentRequest request, ISentimentAnalyzer analyzer, ScoringQueue queue, IOptions<ScoringOptions> limits, HttpContext context)
    {
        if ((InvalidText(request.Text) ?? TooLong(request.Text!.Length, limits.Value)) is { } invalid)
        {
            return invalid;
        }
        using var turn = await queue.WaitAsync(context);
        return turn.Refusal is { } refused ? refused : TypedResults.Ok(analyzer.Analyze(request.Text!));
    }

    public static async Task<Results<Ok<ExplanationResponse>, ProblemHttpResult>> Explain(
        SentimentRequest request, SentimentExplainer explainer, ScoringQueue queue, IOptions<ScoringOptions> limits, HttpContext context)
    {
        if ((InvalidText(request.Text) ?? TooLong(request.Text!.Length, limits.Value)) is { } invalid)
        {
            return invalid;
        }
        using var turn = await queue.WaitAsync(context);
        return turn.Refusal is { } refused ? refused : TypedResults.Ok(ExplanationResponse.Of(explainer.Explain(request.Text!)));
    }

    /// <summary>413 when the texts of one request hold more characters than the engine may be asked to read at once.</summary>
    private static ProblemHttpResult? TooLong(long characters, ScoringOptions limits) => characters <= limits.MaxRequestCharacters
        ? null
        : TypedResults.Problem(
            title: "Too many characters",
            detail: $"The request holds {characters} characters; one request may hold at most {limits.MaxRequestCharacters}.",
            statusCode: StatusCodes.Status413PayloadTooLarge);

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

    public static async Task<Results<Ok<SentimentBatchResponse>, ProblemHttpResult>> AnalyzeBatch(
        SentimentBatchRequest request, ISentimentAnalyzer analyzer, ScoringQueue queue, IOptions<ScoringOptions> limits, HttpContext context)
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
        if (TooLong(texts.Sum(text => (long)text.Length), limits.Value) is { } tooLong)
        {
            return tooLong;
        }
        using var turn = await queue.WaitAsync(context);
        return turn.Refusal is { } refused ? refused : TypedResults.Ok(new SentimentBatchResponse(ScoreOnThisThread(analyzer, texts)));
    }

    /// <summary>
    /// The batch in chunks the engine scores on this thread, so one turn of the queue uses one core; texts of similar
    /// length share a chunk, as the engine itself would group them, to keep padding small.
    /// </summary>
    private static SentimentResult[] ScoreOnThisThread(ISentimentAnalyzer analyzer, IReadOnlyList<string> texts)
    {
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var results = new SentimentResult[texts.Count];
        foreach (var chunk in order.Chunk(EngineChunk))
        {
            var scored = analyzer.AnalyzeBatch([.. chunk.Select(i => texts[i])]);
            for (var i = 0; i < chunk.Length; i++)
            {
                results[chunk[i]] = scored[i];
            }
        }
        return results;
    }
}
