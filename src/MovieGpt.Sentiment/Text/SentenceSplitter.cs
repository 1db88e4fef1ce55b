namespace MovieGpt.Sentiment.Text;

/// <summary>A piece of a text: <see cref="Start"/> and <see cref="Length"/> in UTF-16 code units of the original.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>
/// Cuts a Korean review into sentences, as reviewers write them: often without punctuation and with laughter or
/// tears where a full stop would be. A sentence ends
/// <list type="bullet">
/// <item>after a run of . ! ? … ~ (and full-width 。！？), unless a digit follows ("8.5점", "..6점");</item>
/// <item>after a run of ㅋ ㅎ ㅠ ㅜ ㅡ ^ ; (two or more) followed by a space: "재밌네ㅋㅋ 근데";</item>
/// <item>at a line break;</item>
/// <item>after a word ending in the declarative endings 다, 요, 죠 followed by a space ("재밌었다 근데"), except
/// the comparison particle ~보다 ("기대보다 별로") and nouns like 필요, 중요.</item>
/// </list>
/// Closing quotes and brackets stay with the sentence they close. A piece with no letter or digit of its own
/// ("ㅋㅋ", "!!", "^^") is not a sentence: it joins the one before it (or after it, at the start). Ranges are
/// trimmed of whitespace, in order, and never overlap. Pure and allocation-light, so it is shared.
/// </summary>
public static class SentenceSplitter
{
    private static readonly string[] NotEndings = ["필요", "중요", "주요", "수요", "요요"];

    public static IReadOnlyList<TextRange> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<TextRange>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var end = SentenceEndAt(text, i);
            if (end > 0)
            {
                AddTrimmed(text, start, end, pieces);
                start = i = end;
            }
            else
            {
                i++;
            }
        }
        AddTrimmed(text, start, text.Length, pieces);
        return MergeFragments(text, pieces);
    }

    /// <summary>Where the sentence ends when one ends at <paramref name="i"/>, or 0.</summary>
    private static int SentenceEndAt(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '\r')
        {
            return i + 1;
        }
        if (IsTerminal(c))
        {
            var end = SkipWhile(text, i, IsTerminal);
            end = SkipWhile(text, end, IsCloser);
            return end < text.Length && char.IsDigit(text[end]) ? 0 : end;
        }
        if (IsEmotive(c) && (i == 0 || !IsEmotive(text[i - 1])))
        {
            var end = SkipWhile(text, i, IsEmotive);
            return end - i >= 2 && end < text.Length && char.IsWhiteSpace(text[end]) ? end : 0;
        }
        if (char.IsWhiteSpace(c) && i > 0 && EndsDeclarative(text, i))
        {
            return i + 1;   // the space goes with it, and is trimmed
        }
        return 0;
    }

    // The word before position `space` ends in 다/요/죠 and is not a known exception.
    private static bool EndsDeclarative(string text, int space)
    {
        var wordStart = space;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }
        var word = text.AsSpan(wordStart, space - wordStart);
        if (word.Length < 2 || word[^1] is not ('다' or '요' or '죠'))
        {
            return false;
        }
        if (word.Length >= 3 && word.EndsWith("보다"))
        {
            return false;
        }
        foreach (var exception in NotEndings)
        {
            if (word.EndsWith(exception))
            {
                return false;
            }
        }
        return true;
    }

    private static int SkipWhile(string text, int i, Func<char, bool> predicate)
    {
        while (i < text.Length && predicate(text[i]))
        {
            i++;
        }
        return i;
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…' or '~' or '。' or '！' or '？' or '．' or '～';

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '」' or '』' or '”' or '’';

    private static bool IsEmotive(char c) => c is 'ㅋ' or 'ㅎ' or 'ㅠ' or 'ㅜ' or 'ㅡ' or '^' or ';';

    private static void AddTrimmed(string text, int start, int end, List<TextRange> pieces)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end > start)
        {
            pieces.Add(new TextRange(start, end - start));
        }
    }

    private static List<TextRange> MergeFragments(string text, List<TextRange> pieces)
    {
        var sentences = new List<TextRange>(pieces.Count);
        var pendingStart = -1;   // a fragment at the start, waiting for the first real sentence
        foreach (var piece in pieces)
        {
            if (HasContent(text, piece))
            {
                sentences.Add(pendingStart >= 0 ? new TextRange(pendingStart, piece.End - pendingStart) : piece);
                pendingStart = -1;
            }
            else if (sentences.Count > 0)
            {
                var last = sentences[^1];
                sentences[^1] = new TextRange(last.Start, piece.End - last.Start);
            }
            else if (pendingStart < 0)
            {
                pendingStart = piece.Start;
            }
        }
        if (pendingStart >= 0)
        {
            // Nothing but fragments: the whole text is one sentence.
            sentences.Add(new TextRange(pendingStart, pieces[^1].End - pendingStart));
        }
        return sentences;
    }

    private static bool HasContent(string text, TextRange piece)
    {
        foreach (var c in text.AsSpan(piece.Start, piece.Length))
        {
            if (char.IsLetterOrDigit(c) && !IsEmotive(c))
            {
                return true;
            }
        }
        return false;
    }
}
