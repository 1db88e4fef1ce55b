using System.Buffers;
using System.Text;

namespace MovieGpt.Sentiment.Text;

/// <summary>
/// Puts a review into the canonical form the featurizer hashes. Korean reviews are noisy: ㅋㅋㅋㅋ and ㅠㅠㅠ
/// of any length, !!!!! and ......, full-width Latin, emoji with variation selectors, stray control
/// characters. Runs of one character are cut to two (ㅋㅋㅋㅋ → ㅋㅋ, as the reference figures do), Latin is
/// lower-cased, full-width forms folded to ASCII, lone surrogates and invisible joiners dropped, every
/// whitespace run becomes one space. Hangul (syllables and compatibility jamo), Hanja and emoji are kept as
/// they are: they carry sentiment. Text longer than <c>maxCharacters</c> is truncated (at a code-point
/// boundary) before anything else, so cost is bounded.
/// </summary>
public sealed class TextNormalizer(int maxCharacters)
{
    private const int MaxRun = 2;
    private const int StackLimit = 1024;

    public int MaxCharacters { get; } = maxCharacters > 0
        ? maxCharacters
        : throw new ArgumentOutOfRangeException(nameof(maxCharacters));

    /// <summary>
    /// Normalizes <paramref name="text"/>; throws <see cref="ArgumentException"/> when it is empty,
    /// whitespace-only, or has nothing readable left (only control characters or broken surrogates).
    /// </summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("Review text is empty or whitespace only.", nameof(text));
        }

        var span = text.AsSpan(0, TruncationLength(text));
        // Folding never lengthens a character, so the output fits in the input's length.
        char[]? rented = null;
        var output = span.Length <= StackLimit ? stackalloc char[span.Length] : (rented = ArrayPool<char>.Shared.Rent(span.Length));
        try
        {
            var length = Write(span, output);
            if (length == 0)
            {
                throw new ArgumentException("Review text has no readable characters.", nameof(text));
            }
            return new string(output[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int Write(ReadOnlySpan<char> span, Span<char> output)
    {
        var length = 0;
        var previous = default(Rune);
        var run = 0;
        var pendingSpace = false;
        for (var i = 0; i < span.Length;)
        {
            if (Rune.DecodeFromUtf16(span[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                i += consumed;   // a lone surrogate: drop it
                continue;
            }
            i += consumed;
            rune = Fold(rune);
            if (IsInvisible(rune))
            {
                continue;
            }
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = length > 0;
                run = 0;
                previous = default;
                continue;
            }
            run = rune == previous ? run + 1 : 1;
            previous = rune;
            if (run > MaxRun)
            {
                continue;
            }
            if (pendingSpace)
            {
                output[length++] = ' ';
                pendingSpace = false;
            }
            length += rune.EncodeToUtf16(output[length..]);
        }
        return length;
    }

    private int TruncationLength(string text)
    {
        if (text.Length <= MaxCharacters)
        {
            return text.Length;
        }
        // Never cut a surrogate pair in half.
        return char.IsHighSurrogate(text[MaxCharacters - 1]) ? MaxCharacters - 1 : MaxCharacters;
    }

    private static Rune Fold(Rune rune)
    {
        var value = rune.Value;
        if (value is >= 0xFF01 and <= 0xFF5E)
        {
            value -= 0xFEE0;   // full-width ASCII → ASCII
        }
        else if (value == 0x3000)
        {
            value = ' ';
        }
        var folded = new Rune(value);
        return value < 0x250 ? Rune.ToLowerInvariant(folded) : folded;
    }

    // Variation selectors, zero-width joiners and the BOM change how text looks, not what it says.
    private static bool IsInvisible(Rune rune) =>
        rune.Value is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or (>= 0xFE00 and <= 0xFE0F);
}
