using System.Numerics;

namespace MovieGpt.Sentiment.Text;

/// <summary>
/// The character CNN member's view of a review: its characters (UTF-16 code units of the normalized text)
/// as vocabulary ids between two boundary marks, cut to <see cref="CharCnnSettings.MaxLength"/> characters.
/// </summary>
public sealed class CharSequenceEncoder
{
    public const int Padding = 0;
    public const int Unknown = 1;
    public const int Boundary = 2;
    private const int FirstCharacterId = 3;

    private readonly Dictionary<char, int> _ids;
    private readonly int _widestFilter;

    public CharSequenceEncoder(CharCnnSettings settings)
    {
        settings.Validate();
        Settings = settings;
        _widestFilter = settings.Widths.Max();
        _ids = settings.Vocabulary.Select((c, i) => (Char: (char)c, Id: i + FirstCharacterId)).ToDictionary(x => x.Char, x => x.Id);
    }

    public CharCnnSettings Settings { get; }

    /// <summary>Rows of the character embedding table: padding, unknown, boundary, then the vocabulary.</summary>
    public int TableRows => Settings.Vocabulary.Count + FirstCharacterId;

    /// <summary>How many ids <see cref="Encode(string)"/> gives for <paramref name="normalized"/>.</summary>
    public int EncodedLength(string normalized) => Math.Max(Math.Min(normalized.Length, Settings.MaxLength) + 2, _widestFilter);

    /// <summary>Boundary, characters, boundary; padded with boundaries to the widest filter so every filter has a window.</summary>
    public int[] Encode(string normalized)
    {
        var ids = new int[EncodedLength(normalized)];
        Encode(normalized, ids.AsSpan());
        return ids;
    }

    /// <summary>Writes the ids of <paramref name="normalized"/> into <paramref name="ids"/>, <see cref="EncodedLength"/> long.</summary>
    public void Encode<T>(string normalized, Span<T> ids) where T : struct, INumberBase<T>
    {
        var length = Math.Min(normalized.Length, Settings.MaxLength);
        ids.Fill(T.CreateTruncating(Boundary));
        for (var i = 0; i < length; i++)
        {
            ids[i + 1] = T.CreateTruncating(_ids.GetValueOrDefault(normalized[i], Unknown));
        }
    }

    /// <summary>The characters seen at least <paramref name="minCount"/> times, most frequent first.</summary>
    public static IReadOnlyList<int> BuildVocabulary(IEnumerable<string> normalizedTexts, int minCount)
    {
        var counts = new Dictionary<char, int>();
        foreach (var text in normalizedTexts)
        {
            foreach (var c in text)
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }
        return [.. counts.Where(kv => kv.Value >= minCount).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (int)kv.Key)];
    }
}

/// <summary>
/// The character members of an ensemble, a CNN and a bidirectional GRU reading the same ids: vocabulary
/// (UTF-16 code units), the longest review they read, the CNN's filter widths, and each member's share of the
/// ensemble's averaged rating distribution (a share of 0: the graph has no such member).
/// </summary>
public sealed record CharCnnSettings
{
    public required IReadOnlyList<int> Vocabulary { get; init; }

    public int MaxLength { get; init; } = 160;

    public IReadOnlyList<int> Widths { get; init; } = [2, 3, 4, 5];

    /// <summary>Weight of the CNN in the ensemble; the bag members share what the character members leave.</summary>
    public double Share { get; init; } = 0.3;

    public bool HasCnn => Share > 0;

    /// <summary>Weight of the bidirectional GRU that reads the same character ids; 0 = the graph has none.</summary>
    public double GruShare { get; init; }

    public void Validate()
    {
        if (Vocabulary.Count == 0 || MaxLength < 1 || Widths.Count == 0 || Widths.Any(w => w is < 1 or > 16) || Share < 0 || GruShare < 0 || Share + GruShare is <= 0 or >= 1)
        {
            throw new ArgumentException(
                $"Character member settings are out of range: {Vocabulary.Count} characters, max length {MaxLength}, widths [{string.Join(", ", Widths)}], share {Share}, GRU share {GruShare}.");
        }
    }
}
