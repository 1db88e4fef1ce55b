namespace MovieGpt.Sentiment;

/// <summary>
/// Scores Korean reviews. Implementations are thread-safe and meant to be loaded once per process.
/// Empty or whitespace-only text throws <see cref="ArgumentException"/>; a model failure throws
/// <see cref="SentimentModelException"/>: there is never a silent "neutral".
/// </summary>
public interface ISentimentAnalyzer : IDisposable
{
    /// <summary>What is loaded, for logs, /api and the benchmark output.</summary>
    ModelInfo Model { get; }

    SentimentResult Analyze(string text);

    /// <summary>Scores many reviews in one call; results are in input order.</summary>
    IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts);
}

/// <summary>Describes a loaded model.</summary>
public sealed record ModelInfo(string Name, string Kind, string Directory, string File);
