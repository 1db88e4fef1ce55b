using MovieGpt.Sentiment.Explanations;

namespace MovieGpt.Server.Services;

/// <summary>Why the engine labelled a text as it did (<see cref="SentimentExplainer"/>), for the UI's "왜?" toggle.</summary>
public interface IExplanationService
{
    /// <summary>Each word's contribution and each sentence's verdict; an empty text throws <see cref="ArgumentException"/>.</summary>
    Task<SentimentExplanation> ExplainAsync(string text, CancellationToken ct = default);
}

/// <summary>
/// Explains on the thread pool: one explanation is a batch of engine rows (one per word), too long to run on a
/// circuit's synchronization context.
/// </summary>
public sealed class ExplanationService(SentimentExplainer explainer) : IExplanationService
{
    public Task<SentimentExplanation> ExplainAsync(string text, CancellationToken ct = default) =>
        Task.Run(() => explainer.Explain(text), ct);
}
