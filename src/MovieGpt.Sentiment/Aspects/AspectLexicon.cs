namespace MovieGpt.Sentiment.Aspects;

/// <summary>
/// The keywords that make a review talk about an aspect: the one place the words are listed. A keyword
/// matches anywhere in a word, case-insensitively, so a stem covers its inflections and compounds
/// (연기 → 연기는, 연기력, 발연기, 연기자; 음악 → 배경음악). How the list was chosen, and which candidate
/// words were left out and why, is in models/moviegpt-sentiment/README.md ("Aspects").
/// </summary>
public sealed class AspectLexicon
{
    private readonly (string Aspect, string Keyword)[] _keywords;

    public AspectLexicon(IReadOnlyDictionary<string, IReadOnlyList<string>> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        Keywords = keywords;
        // Longest first, so where a longer keyword and its prefix both match, spans of the longer one win ties.
        _keywords = [.. keywords
            .SelectMany(pair => pair.Value.Select(word => (pair.Key, word.ToLowerInvariant())))
            .OrderByDescending(k => k.Item2.Length)];
        if (_keywords.Any(k => k.Keyword.Length == 0))
        {
            throw new ArgumentException("A keyword is empty.", nameof(keywords));
        }
    }

    /// <summary>The shipped list, tuned on the dev half of the aspect data (see the type's summary).</summary>
    public static AspectLexicon Default { get; } = new(new Dictionary<string, IReadOnlyList<string>>
    {
        [AspectNames.Acting] = ["연기", "배우", "캐스팅", "열연", "명연", "호연", "주연", "조연", "배역"],
        [AspectNames.Story] = ["스토리", "줄거리", "결말", "반전", "전개", "이야기", "시나리오", "개연성", "플롯"],
        [AspectNames.Direction] = ["연출", "편집", "촬영", "영상미", "미장센", "카메라"],
        [AspectNames.Action] = ["액션", "격투", "추격", "총격", "전투", "무술"],
        [AspectNames.Music] = ["음악", "ost", "사운드", "노래", "음향", "브금", "bgm"],
    });

    /// <summary>The words per aspect, as given.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; }

    /// <summary>
    /// Every keyword occurrence in <paramref name="lowerText"/> (already lower-cased with
    /// <see cref="string.ToLowerInvariant()"/>, which keeps offsets), in text order.
    /// </summary>
    public IReadOnlyList<KeywordHit> Find(string lowerText)
    {
        ArgumentNullException.ThrowIfNull(lowerText);
        var hits = new List<KeywordHit>();
        foreach (var (aspect, keyword) in _keywords)
        {
            for (var i = lowerText.IndexOf(keyword, StringComparison.Ordinal); i >= 0; i = lowerText.IndexOf(keyword, i + keyword.Length, StringComparison.Ordinal))
            {
                hits.Add(new KeywordHit(aspect, i, keyword.Length));
            }
        }
        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return hits;
    }

    /// <summary>Whether <paramref name="lowerText"/> has a keyword of any aspect at <paramref name="index"/>; returns its length.</summary>
    public int KeywordLengthAt(string lowerText, int index)
    {
        foreach (var (_, keyword) in _keywords)
        {
            if (string.CompareOrdinal(lowerText, index, keyword, 0, keyword.Length) == 0 && index + keyword.Length <= lowerText.Length)
            {
                return keyword.Length;
            }
        }
        return 0;
    }
}

/// <summary>One keyword occurrence: which aspect it names and where it is.</summary>
public readonly record struct KeywordHit(string Aspect, int Start, int Length);
