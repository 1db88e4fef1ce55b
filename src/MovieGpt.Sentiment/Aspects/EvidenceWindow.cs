using System.Buffers;

namespace MovieGpt.Sentiment.Aspects;

/// <summary>
/// Bounds an aspect's evidence. The evidence is the clause (or two) its verdict was read from, which in a review with
/// no punctuation and no turn can be the whole review. Past <see cref="MaxLength"/> it becomes the words around the
/// aspect's keyword: a chip's quote stays a quote, and a page of ten long reviews stays within what the UI's circuit
/// accepts in one message (docs/security.md).
/// </summary>
public static class EvidenceWindow
{
    /// <summary>The longest evidence, in UTF-16 units.</summary>
    public const int MaxLength = 200;

    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\r\n");

    // Of the window, how much lies before the keyword: a Korean verdict tends to follow what it is about.
    private const int Before = MaxLength / 4;

    /// <summary>[<paramref name="start"/>, <paramref name="end"/>) itself when short enough, otherwise whole words of it around <paramref name="keyword"/>.</summary>
    public static (int Start, int End) Around(string text, int start, int end, int keyword)
    {
        if (end - start <= MaxLength)
        {
            return (start, end);
        }
        var from = Math.Clamp(keyword - Before, start, end - MaxLength);
        var to = from + MaxLength;
        // Whole words: a cut word moves the edge in to the nearest space, short of the keyword.
        if (from > start && !char.IsWhiteSpace(text[from - 1]))
        {
            var space = text.AsSpan(from, keyword - from).IndexOfAny(Spaces);
            from = space < 0 ? from : from + space + 1;
        }
        if (to < end && !char.IsWhiteSpace(text[to]))
        {
            var space = text.AsSpan(keyword, to - keyword).LastIndexOfAny(Spaces);
            to = space < 0 ? to : keyword + space;
        }
        // A run without spaces (emoji) is cut between characters, never inside a surrogate pair.
        from += char.IsLowSurrogate(text[from]) ? 1 : 0;
        to -= to < text.Length && char.IsLowSurrogate(text[to]) ? 1 : 0;
        var span = text.AsSpan(from, to - from);
        var trimmed = span.TrimStart();
        from += span.Length - trimmed.Length;
        return (from, from + trimmed.TrimEnd().Length);
    }
}
