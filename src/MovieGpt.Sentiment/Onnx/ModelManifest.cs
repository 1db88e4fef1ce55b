using System.Text.Json;
using System.Text.Json.Serialization;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Onnx;

/// <summary>
/// manifest.json of a MovieGpt model folder: what the ONNX graph expects and how to read its answer,
/// where it came from, and how well it did on dev.
/// </summary>
public sealed record ModelManifest
{
    public const string FileName = "manifest.json";
    public const int CurrentFormatVersion = 1;

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required string Name { get; init; }

    /// <summary>The graph that is loaded; the folder may hold others (e.g. the FP32 original).</summary>
    public required string ModelFile { get; init; }

    /// <summary>
    /// SHA-256 of <see cref="ModelFile"/> (lower-case hex): a file that does not match stops loading, since a damaged graph
    /// may still load and answer worse without a word. Folders written before it was recorded load unchecked.
    /// </summary>
    public string? ModelSha256 { get; init; }

    /// <summary>Three-class labels in the order the decoder emits them.</summary>
    public IReadOnlyList<string> Labels { get; init; } = SentimentLabels.All;

    /// <summary>The graph answers a distribution over the star ratings 1..RatingLevels.</summary>
    public int RatingLevels { get; init; } = 10;

    /// <summary>
    /// One featurizer per ensemble member: member k reads inputs ids_k and weights_k of the graph, which
    /// averages the members' rating distributions.
    /// </summary>
    public required IReadOnlyList<FeaturizerSettings> Featurizers { get; init; }

    /// <summary>
    /// Optional members that read the review's characters (graph input "chars"): a CNN, a bidirectional GRU or
    /// both, averaged with the bag members by their shares. The key keeps its first name, "char_cnn", so model
    /// folders written before the GRU still load.
    /// </summary>
    public CharCnnSettings? CharCnn { get; init; }

    public required RatingDecoder Decoder { get; init; }

    public TrainingRecord? Training { get; init; }

    /// <summary>Figures measured on dev when the model was written, by variant (fp32, int8).</summary>
    public IReadOnlyDictionary<string, ModelMetrics>? Metrics { get; init; }

    public static ModelManifest Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new SentimentModelException($"Model folder '{directory}' has no {FileName}.");
        }
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new SentimentModelException($"{path} is not a valid manifest: {e.Message}", e);
        }
        if (manifest is null)
        {
            throw new SentimentModelException($"{path} is empty.");
        }
        manifest.Validate(path);
        return manifest;
    }

    /// <summary>SHA-256 of a file as <see cref="ModelSha256"/> records it.</summary>
    public static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>Throws naming the file when it does not match <see cref="ModelSha256"/>.</summary>
    public void VerifyModelFile(string file)
    {
        if (ModelSha256 is { } expected && FileSha256(file) is var actual && !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new SentimentModelException($"{file} does not match {FileName}: its SHA-256 is {actual}, the manifest says {expected}.");
        }
    }

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, JsonOptions) + "\n");
    }

    private void Validate(string path)
    {
        if (FormatVersion != CurrentFormatVersion)
        {
            throw new SentimentModelException(
                $"{path} has format_version {FormatVersion}; this build reads version {CurrentFormatVersion}.");
        }
        if (RatingLevels < 2 || Decoder.ClassWeights.Count != 3 || !Labels.SequenceEqual(SentimentLabels.All))
        {
            throw new SentimentModelException(
                $"{path}: expected labels [negative, neutral, positive], 3 class weights and at least 2 rating levels.");
        }
        if (Featurizers is not { Count: > 0 })
        {
            throw new SentimentModelException($"{path}: featurizers must list at least one member.");
        }
        try
        {
            foreach (var featurizer in Featurizers)
            {
                featurizer.Validate();
            }
            CharCnn?.Validate();
        }
        catch (ArgumentException e)
        {
            throw new SentimentModelException($"{path}: {e.Message}", e);
        }
    }
}

/// <summary>Where and how a model was trained.</summary>
public sealed record TrainingRecord(
    string Data,
    string DataSha256,
    int Examples,
    string? Dev,
    DateTime CreatedAt,
    IReadOnlyDictionary<string, string> Hyperparameters);

/// <summary>Dev figures of one model variant.</summary>
public sealed record ModelMetrics(
    double BinaryAccuracy,
    double ThreeClassMacroF1,
    double ThreeClassAccuracy,
    double RatingMae,
    long FileBytes);
