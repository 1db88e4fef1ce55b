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

    /// <summary>
    /// Character n-grams of the last this-many characters again, in a family of their own, plus the last
    /// word: Korean puts the verdict in the final predicate (…재밌을 줄 알았는데 별로), so the end
    /// deserves features that know they are at the end. 0 = off.
    /// </summary>
    public int TailCharacters { get; init; }

    /// <summary>
    /// Longest character n-gram (from 2) over the text with its spaces removed, in a family of its own:
    /// Korean spacing is loose (재미없다 / 재미 없다), and these n-grams do not care. 0 = off.
    /// </summary>
    public int UnspacedNgramMax { get; init; }

    /// <summary>The weight of each of a review's <paramref name="count"/> feature rows in the mean.</summary>
    public static float RowWeight(int count) => 1f / count;

    /// <summary>Seeds the hash, so two models in an ensemble can hash differently.</summary>
    public uint HashSeed { get; init; } = 0x9E3779B9;

    public void Validate()
    {
        if (Buckets < 16 || CharNgramMin < 1 || CharNgramMax < CharNgramMin || CharNgramMax > 8 || WordNgramMax is < 0 or > 3
            || TailCharacters is < 0 or > 64 || UnspacedNgramMax is < 0 or > 8)
        {
            throw new ArgumentException(
                $"Featurizer settings are out of range: buckets={Buckets}, char n-grams {CharNgramMin}–{CharNgramMax}, word n-grams ≤ {WordNgramMax}.");
        }
    }
}
