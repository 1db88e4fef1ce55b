namespace MovieGpt.Sentiment.Text;

/// <summary>
/// How a normalized review becomes hashed feature ids. Stored in the model manifest: the trainer and the
/// runtime must agree on every field, or the model reads the wrong rows.
/// </summary>
public sealed record FeaturizerSettings
{
    /// <summary>Rows of the embedding table; every n-gram hashes into one of them.</summary>
    public int Buckets { get; init; } = 1 << 20;

    /// <summary>Character n-grams over the text with its spaces (which lets them cross word boundaries and survive spacing mistakes).</summary>
    public int CharNgramMin { get; init; } = 1;

    public int CharNgramMax { get; init; } = 4;

    /// <summary>Word n-grams up to this length (1 = unigrams only, 0 = none).</summary>
    public int WordNgramMax { get; init; } = 2;

    /// <summary>Seeds the hash, so two models in an ensemble can hash differently.</summary>
    public uint HashSeed { get; init; } = 0x9E3779B9;

    public void Validate()
    {
        if (Buckets < 16 || CharNgramMin < 1 || CharNgramMax < CharNgramMin || CharNgramMax > 8 || WordNgramMax is < 0 or > 3)
        {
            throw new ArgumentException(
                $"Featurizer settings are out of range: buckets={Buckets}, char n-grams {CharNgramMin}–{CharNgramMax}, word n-grams ≤ {WordNgramMax}.");
        }
    }
}
