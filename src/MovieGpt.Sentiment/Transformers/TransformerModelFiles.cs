namespace MovieGpt.Sentiment.Transformers;

/// <summary>
/// Finds the files of an Optimum export. The graph is <c>model_quantized.onnx</c> when present, else
/// <c>model.onnx</c> (in the folder itself or its <c>onnx/</c> subfolder): Optimum only writes the
/// quantized file when asked to, the prototype served it, and on CPU it is about 4× smaller and 2–3× faster
/// for a small accuracy cost. To serve the FP32 graph, use a folder without the quantized file.
/// The vocabulary is <c>vocab.txt</c> when present, else the WordPiece vocabulary inside <c>tokenizer.json</c>.
/// </summary>
public sealed record TransformerModelFiles(string Directory, string Config, string Model, string? VocabTxt, string? TokenizerJson, string TokenizerConfig)
{
    public const string ConfigName = "config.json";
    public const string QuantizedModelName = "model_quantized.onnx";
    public const string ModelName = "model.onnx";
    public const string VocabName = "vocab.txt";
    public const string TokenizerJsonName = "tokenizer.json";
    public const string TokenizerConfigName = "tokenizer_config.json";

    public static TransformerModelFiles Locate(string directory)
    {
        var config = Path.Combine(directory, ConfigName);
        if (!File.Exists(config))
        {
            throw new SentimentModelException($"{config} is missing: a Hugging Face export needs its config.json (labels, sizes).");
        }
        var vocab = Existing(Path.Combine(directory, VocabName));
        var tokenizerJson = Existing(Path.Combine(directory, TokenizerJsonName));
        if (vocab is null && tokenizerJson is null)
        {
            throw new SentimentModelException(
                $"{Path.Combine(directory, VocabName)} is missing, and so is {TokenizerJsonName}: the folder has no WordPiece vocabulary.");
        }
        return new TransformerModelFiles(directory, config, FindModel(directory), vocab, tokenizerJson,
            Path.Combine(directory, TokenizerConfigName));
    }

    private static string FindModel(string directory)
    {
        string[] candidates =
        [
            Path.Combine(directory, QuantizedModelName),
            Path.Combine(directory, ModelName),
            Path.Combine(directory, "onnx", QuantizedModelName),
            Path.Combine(directory, "onnx", ModelName),
        ];
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }
        var others = System.IO.Directory.EnumerateFiles(directory, "*.onnx", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal).ToList();
        var hint = others.Count == 0 ? "no .onnx file at all" : $"only {string.Join(", ", others)}";
        throw new SentimentModelException(
            $"{Path.Combine(directory, ModelName)} is missing: the folder has neither {QuantizedModelName} nor {ModelName} ({hint}).");
    }

    private static string? Existing(string file) => File.Exists(file) ? file : null;
}
