using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>Hyperparameters of one training run; the defaults are the shipped model's.</summary>
internal sealed record TrainingOptions
{
    public FeaturizerSettings Featurizer { get; init; } = new();

    public int Dim { get; init; } = 16;

    public int Hidden { get; init; } = 64;

    public int Epochs { get; init; } = 1;

    /// <summary>Learning rate of the hidden and output layers, decayed linearly to zero.</summary>
    public float DenseRate { get; init; } = 0.05f;

    /// <summary>Learning rate of the embedding rows (which see few updates each, so it is larger).</summary>
    public float EmbeddingRate { get; init; } = 2.0f;

    /// <summary>Share of the target mass spread to the neighbouring star ratings (ratings are ordinal).</summary>
    public float NeighbourSmoothing { get; init; } = 0.1f;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; } = 17;

    /// <summary>Use at most this many training reviews (0 = all): for quick experiments and tests.</summary>
    public int MaxExamples { get; init; }

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["architecture"] = "hashed char 1-4 + word 1-2 n-grams -> mean embedding bag -> ReLU MLP -> softmax over ratings 1-10",
        ["buckets"] = Featurizer.Buckets.ToString(),
        ["char_ngrams"] = $"{Featurizer.CharNgramMin}-{Featurizer.CharNgramMax}",
        ["word_ngrams"] = $"1-{Featurizer.WordNgramMax}",
        ["dim"] = Dim.ToString(),
        ["hidden"] = Hidden.ToString(),
        ["epochs"] = Epochs.ToString(),
        ["dense_rate"] = DenseRate.ToString("G"),
        ["embedding_rate"] = EmbeddingRate.ToString("G"),
        ["neighbour_smoothing"] = NeighbourSmoothing.ToString("G"),
        ["seed"] = Seed.ToString(),
    };
}
