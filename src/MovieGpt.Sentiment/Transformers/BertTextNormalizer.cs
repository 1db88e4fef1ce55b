using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace MovieGpt.Sentiment.Transformers;

/// <summary>
/// Hugging Face's <c>BertNormalizer</c> (clean_text on): the library's own Bert normalizer deletes tabs and
/// newlines (gluing the words around them together) and applies NFC, so a model would see different tokens
/// than it was trained on. Steps, in Hugging Face's order: drop NUL, U+FFFD, lone surrogates and other
/// control/format characters; tab, newline and Unicode spaces become ' '; CJK ideographs get spaces around
/// them (tokenize_chinese_chars); accents are stripped (NFD, drop non-spacing marks) when asked; lowercase
/// when asked. No other Unicode normalization happens.
/// </summary>
public sealed class BertTextNormalizer(bool lowerCase, bool stripAccents, bool separateCjk) : Normalizer
{
    public override string Normalize(string original) => Normalize(original.AsSpan());

    public override string Normalize(ReadOnlySpan<char> original)
    {
        var builder = new StringBuilder(original.Length + 8);
        // EnumerateRunes yields U+FFFD for a lone surrogate, which clean_text drops like a real U+FFFD.
        foreach (var rune in original.EnumerateRunes())
        {
            AppendCleaned(builder, rune);
        }
        var text = builder.ToString();
        if (stripAccents)
        {
            text = StripAccents(text);
        }
        return lowerCase ? text.ToLowerInvariant() : text;
    }

    private void AppendCleaned(StringBuilder builder, Rune rune)
    {
        if (rune.Value is 0 or 0xFFFD)
        {
            return;
        }
        if (rune.Value is '\t' or '\n' or '\r')
        {
            builder.Append(' ');
            return;
        }
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned:
                return;
            case UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                builder.Append(' ');
                return;
        }
        if (separateCjk && IsCjkIdeograph(rune.Value))
        {
            builder.Append(' ').Append(rune.ToString()).Append(' ');
            return;
        }
        builder.Append(rune.ToString());
    }

    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>The CJK ideograph blocks BERT splits into single characters (Hangul is not among them).</summary>
    public static bool IsCjkIdeograph(int codePoint) =>
        codePoint is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
