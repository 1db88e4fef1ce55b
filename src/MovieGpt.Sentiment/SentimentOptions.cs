using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Sentiment;

/// <summary>Which model to load and how to read its answers; bound from the "Sentiment" configuration section.</summary>
public sealed class SentimentOptions
{
    public const string SectionName = "Sentiment";

    /// <summary>The folder of the shipped model, relative to the program's own folder.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "models", "moviegpt-sentiment");

    /// <summary>
    /// A model folder: either our own (with manifest.json) or a Hugging Face export (config.json + model.onnx
    /// or model_quantized.onnx + vocab.txt/tokenizer.json). Empty means the shipped model.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// For a binary (negative/positive) transformer: below this confidence the answer is neutral.
    /// </summary>
    [Range(0.5, 1.0)]
    public double NeutralThreshold { get; set; } = 0.6;

    /// <summary>Longer reviews are cut to this many characters before featurization (reviews are short; this bounds cost).</summary>
    [Range(100, 1_000_000)]
    public int MaxCharacters { get; set; } = 10_000;

    /// <summary>ONNX Runtime threads inside one call; 1 keeps single-review latency low and lets callers parallelize.</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    public string ResolvedModelPath => string.IsNullOrWhiteSpace(ModelPath) ? DefaultModelPath : ModelPath;
}
