namespace MovieGpt.Sentiment.Transformers;

/// <summary>Placeholder until the transformer loader lands.</summary>
public sealed class TransformerSentimentAnalyzer
{
    public static ISentimentAnalyzer Load(string dir, SentimentOptions options) =>
        throw new SentimentModelException($"not implemented yet: {dir} {options.ResolvedModelPath}");
}
