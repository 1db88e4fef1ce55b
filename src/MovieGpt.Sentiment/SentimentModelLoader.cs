using MovieGpt.Sentiment.Onnx;
using MovieGpt.Sentiment.Transformers;

namespace MovieGpt.Sentiment;

/// <summary>Opens a model folder, telling our own format (manifest.json) from a Hugging Face export (config.json).</summary>
public static class SentimentModelLoader
{
    public static ISentimentAnalyzer Load(SentimentOptions options)
    {
        var dir = options.ResolvedModelPath;
        if (!Directory.Exists(dir))
        {
            throw new SentimentModelException($"Model folder '{dir}' does not exist.");
        }
        if (File.Exists(Path.Combine(dir, ModelManifest.FileName)))
        {
            return OnnxSentimentAnalyzer.Load(dir, options);
        }
        if (File.Exists(Path.Combine(dir, "config.json")))
        {
            return TransformerSentimentAnalyzer.Load(dir, options);
        }
        throw new SentimentModelException(
            $"Model folder '{dir}' has neither {ModelManifest.FileName} (a MovieGpt model) nor config.json (a Hugging Face export).");
    }
}
