using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace MovieGpt.Sentiment.Transformers;

/// <summary>
/// Hugging Face's <c>BertPreTokenizer</c>: words are split on whitespace and every punctuation character
/// (ASCII <c>!"#$%&amp;'()*+,-./:;&lt;=&gt;?@[\]^_`{|}~</c> or a Unicode P* category) is a word of its own;
/// everything else (symbols such as ♥ and ★, emoji) stays inside its word. The library's default keeps only
/// letters, digits and P* punctuation and silently drops ~, ^, $, &lt;, ♥, emoji…, which Korean reviews are
/// full of. Special-token text such as "[SEP]" in a review is not treated as a special token.
/// </summary>
public sealed class BertPunctuationPreTokenizer : PreTokenizer
{
    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) => Split(text.AsSpan());

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => Split(text);

    private static List<(int Offset, int Length)> Split(ReadOnlySpan<char> text)
    {
        var words = new List<(int Offset, int Length)>();
        var start = -1;
        var index = 0;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed);
            var isSpace = Rune.IsWhiteSpace(rune);
            var isPunctuation = !isSpace && IsPunctuation(rune);
            if ((isSpace || isPunctuation) && start >= 0)
            {
                words.Add((start, index - start));
                start = -1;
            }
            if (isPunctuation)
            {
                words.Add((index, consumed));
            }
            else if (!isSpace && start < 0)
            {
                start = index;
            }
            index += consumed;
        }
        if (start >= 0)
        {
            words.Add((start, text.Length - start));
        }
        return words;
    }

    public static bool IsPunctuation(Rune rune) =>
        rune.Value is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
}
