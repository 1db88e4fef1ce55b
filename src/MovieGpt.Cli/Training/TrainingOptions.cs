using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>Hyperparameters of one training run; the defaults are the shipped model's.</summary>
internal sealed record TrainingOptions
{
    /// <summary>One featurizer per ensemble member; members differ in hash seed and n-gram lengths.</summary>
    public IReadOnlyList<FeaturizerSettings> Featurizers { get; init; } = [new() { TailCharacters = 6, UnspacedNgramMax = 4 }];

    /// <summary>Embedding width per member (cycled). A member with hidden width 0 is linear: its width must be 10.</summary>
    public IReadOnlyList<int> Dims { get; init; } = [16];

    /// <summary>Hidden layer width per member (cycled); 0 = a linear member (multinomial logistic regression).</summary>
    public IReadOnlyList<int> Hiddens { get; init; } = [64];

    public int DimOf(int member) => Dims[member % Dims.Count];

    public int HiddenOf(int member) => Hiddens[member % Hiddens.Count];

    public int Epochs { get; init; } = 2;

    /// <summary>Learning rate of the hidden and output layers, decayed linearly to zero.</summary>
    public float DenseRate { get; init; } = 0.05f;

    /// <summary>Learning rate of the embedding rows (which see few updates each, so it is larger).</summary>
    public IReadOnlyList<float> EmbeddingRates { get; init; } = [2.0f];

    /// <summary>Per member (cycled): a linear member wants a far larger rate than an MLP member.</summary>
    public float EmbeddingRateOf(int member) => EmbeddingRates[member % EmbeddingRates.Count];

    /// <summary>Share of the target mass spread to the neighbouring star ratings (ratings are ordinal).</summary>
    public float NeighbourSmoothing { get; init; } = 0.1f;

    /// <summary>Share of the character CNN member in the ensemble; 0 = no CNN member.</summary>
    public double CharCnnShare { get; init; }

    public int CharCnnDim { get; init; } = 16;

    public int CharCnnChannels { get; init; } = 32;

    public int CharCnnEpochs { get; init; } = 3;

    /// <summary>Filter widths of the CNN, one bank of filters each.</summary>
    public IReadOnlyList<int> CharCnnWidths { get; init; } = [2, 3, 4, 5];

    /// <summary>Hidden layer of the CNN between its pooled filters and the output; 0 = none.</summary>
    public int CharCnnHidden { get; init; }

    /// <summary>Share of the CNN's pooled filters dropped at each training step.</summary>
    public float CharCnnDropout { get; init; }

    public float CharCnnRate { get; init; } = 0.05f;

    /// <summary>Share of the bidirectional GRU member (reads the CNN's character ids); 0 = none.</summary>
    public double CharGruShare { get; init; } = 0.3;

    public int CharGruDim { get; init; } = 24;

    public int CharGruHidden { get; init; } = 24;

    public int CharGruEpochs { get; init; } = 6;

    public float CharGruRate { get; init; } = 0.05f;

    /// <summary>Whether the GRU's features include the mean of its states, besides their max.</summary>
    public bool CharGruMean { get; init; } = true;

    /// <summary>Hash buckets of the character bigrams the GRU reads beside each character; 0 = characters only.</summary>
    public int CharGruBigrams { get; init; } = 65_536;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; } = 17;

    /// <summary>Use at most this many training reviews (0 = all): for quick experiments and tests.</summary>
    public int MaxExamples { get; init; }

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["architecture"] = "bag members: hashed char + word n-grams -> mean embedding bag -> ReLU MLP -> softmax over ratings 1-10; optional character CNN and bidirectional GRU; rating distributions averaged by shares chosen on dev",
        ["members"] = Featurizers.Count.ToString(),
        ["buckets"] = string.Join(",", Featurizers.Select(f => f.Buckets)),
        ["char_ngrams"] = string.Join(",", Featurizers.Select(f => $"{f.CharNgramMin}-{f.CharNgramMax}")),
        ["word_ngrams"] = string.Join(",", Featurizers.Select(f => $"1-{f.WordNgramMax}")),
        ["tail_characters"] = string.Join(",", Featurizers.Select(f => f.TailCharacters)),
        ["unspaced_ngrams"] = string.Join(",", Featurizers.Select(f => f.UnspacedNgramMax)),
        ["dim"] = string.Join(",", Featurizers.Select((_, k) => DimOf(k))),
        ["hidden"] = string.Join(",", Featurizers.Select((_, k) => HiddenOf(k))),
        ["epochs"] = Epochs.ToString(),
        ["dense_rate"] = DenseRate.ToString("G"),
        ["embedding_rate"] = string.Join(",", Featurizers.Select((_, k) => EmbeddingRateOf(k).ToString("G"))),
        ["neighbour_smoothing"] = NeighbourSmoothing.ToString("G"),
        ["char_cnn"] = CharCnnShare > 0 ? $"share {CharCnnShare}, dim {CharCnnDim}, {CharCnnChannels} channels per width {string.Join(",", CharCnnWidths)}, hidden {CharCnnHidden}, dropout {CharCnnDropout}, {CharCnnEpochs} epochs, rate {CharCnnRate}" : "none",
        ["char_gru"] = CharGruShare > 0 ? $"share {CharGruShare} (with --dev: the starting point, the chosen share is in char_cnn.gru_share), dim {CharGruDim}, hidden {CharGruHidden} per direction, {CharGruEpochs} epochs, rate {CharGruRate}, mean pooling {CharGruMean}, bigram buckets {CharGruBigrams}" : "none",
        ["seed"] = Seed.ToString(),
    };
}
