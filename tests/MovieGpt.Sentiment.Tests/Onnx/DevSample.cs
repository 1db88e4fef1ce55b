namespace MovieGpt.Sentiment.Tests.Onnx;

/// <summary>The committed balanced dev sample (tests/data/dev-sample-2000.tsv): real reviews with their polarity.</summary>
internal static class DevSample
{
    public static IReadOnlyList<(string Text, bool Positive)> Read() =>
    [
        .. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "dev-sample-2000.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(f => (Text: f[5], Positive: int.Parse(f[2]) >= 9)),
    ];

    /// <summary>The binary decision of the eval protocol: P(positive) against P(negative) alone.</summary>
    public static bool SaysPositive(SentimentResult result) => result.Probabilities.Positive > result.Probabilities.Negative;
}
