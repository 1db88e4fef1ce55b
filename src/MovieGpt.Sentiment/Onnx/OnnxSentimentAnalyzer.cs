namespace MovieGpt.Sentiment.Onnx;

/// <summary>Placeholder until the engine lands.</summary>
public sealed class OnnxSentimentAnalyzer
{
    public static ISentimentAnalyzer Load(string dir, SentimentOptions options) =>
        throw new SentimentModelException($"not implemented yet: {dir} {options.ResolvedModelPath}");
}
