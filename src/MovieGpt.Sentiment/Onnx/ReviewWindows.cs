using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Onnx;

/// <summary>
/// How a review longer than the character GRU's window is read over its whole length. The GRU reads only the
/// first <see cref="MovieGpt.Sentiment.Text.CharCnnSettings.MaxLength"/> characters, and Korean reviews put
/// their verdict at the end, so a long rave ending "강력 추천합니다" used to be judged by its plot summary.
/// A long normalized review is cut at spaces into windows of about equal length, none longer than the GRU's
/// window, and one more row is added: its verdict, the last sentence (<see cref="SentenceSplitter"/>), or the
/// last window again when that sentence does not fit in a window. Every row is scored as a review of its own
/// (bag and GRU); the rows' rating distributions are averaged, each window weighted by its length and the
/// verdict as a full window. Label and rating are then decoded from that one distribution, so they agree.
/// The rule was chosen on dev reviews joined into long ones (docs/model-explanations.md): the verdict row read
/// verdicts at the end better than extra weight on the last window did, at a small cost on verdicts up front.
/// </summary>
public static class ReviewWindows
{
    /// <summary>
    /// Appends the rows of <paramref name="normalized"/> to <paramref name="rows"/>: the text itself when it
    /// fits in <paramref name="maxLength"/> characters, else its windows (cut at spaces, or hard for a run of
    /// <paramref name="maxLength"/> characters without one) and then its verdict row.
    /// </summary>
    public static void Split(string normalized, int maxLength, List<string> rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 8);
        if (normalized.Length <= maxLength)
        {
            rows.Add(normalized);
            return;
        }
        // Equal targets rather than greedy filling, so the last window is never a stub of a word.
        var count = (normalized.Length + maxLength - 1) / maxLength;
        var target = (normalized.Length + count - 1) / count;
        var start = 0;
        while (normalized.Length - start > maxLength)
        {
            var end = CutPoint(normalized, start, Math.Min(target, maxLength), maxLength);
            rows.Add(normalized[start..end].TrimEnd());
            start = end;
            while (start < normalized.Length && normalized[start] == ' ')
            {
                start++;
            }
        }
        if (start < normalized.Length)
        {
            rows.Add(normalized[start..]);
        }
        var sentences = SentenceSplitter.Split(normalized);
        rows.Add(sentences.Count > 1 && sentences[^1].Length <= maxLength ? sentences[^1].Of(normalized) : rows[^1]);
    }

    /// <summary>
    /// The weight of row <paramref name="index"/> of a review's <paramref name="count"/> rows,
    /// <paramref name="length"/> characters long: its length for a window, <paramref name="maxLength"/> for the
    /// verdict (the last of several rows).
    /// </summary>
    public static double Weight(int index, int count, int length, int maxLength) =>
        count > 1 && index == count - 1 ? maxLength : length;

    // The space nearest the target (looking back first, then ahead within the limit); a hard cut without one.
    private static int CutPoint(string text, int start, int target, int maxLength)
    {
        var limit = start + maxLength;
        for (var back = start + target; back > start + target / 2; back--)
        {
            if (text[back] == ' ')
            {
                return back;
            }
        }
        for (var ahead = start + target + 1; ahead < limit && ahead < text.Length; ahead++)
        {
            if (text[ahead] == ' ')
            {
                return ahead;
            }
        }
        var cut = limit;
        // Never split a surrogate pair (an emoji) between two windows.
        return char.IsLowSurrogate(text[cut]) ? cut - 1 : cut;
    }
}
