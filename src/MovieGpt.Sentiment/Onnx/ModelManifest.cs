namespace MovieGpt.Sentiment.Onnx;

/// <summary>Placeholder: replaced by the real manifest (format version, labels, featurizer, training data, metrics).</summary>
public sealed class ModelManifest
{
    public const string FileName = "manifest.json";
}
