using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Tests.Support;

/// <summary>The shipped model (models/moviegpt-sentiment, copied next to the tests), loaded once for a test class.</summary>
public sealed class ShippedModel : IDisposable
{
    public ISentimentAnalyzer Analyzer { get; } = SentimentModelLoader.Load(new SentimentOptions());

    public void Dispose() => Analyzer.Dispose();
}
