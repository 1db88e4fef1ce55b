using System.Globalization;

namespace MovieGpt.Server.Components.Shared;

/// <summary>
/// How a word's contribution shows in the "왜?" panel: its direction (blue <c>pos</c> / orange <c>neg</c>, a pair that
/// colour-blind readers tell apart, plus a +/− sign so colour is not the only cue), an intensity level 1–3 by size,
/// and the number in words for the tooltip and screen readers.
/// </summary>
public sealed record WordTint(string Tone, int Level, string Sign, string Number, string Description)
{
    // |P(positive) − P(negative)| moved by less than this is noise: the word is left plain.
    public const double Faint = 0.02;

    /// <summary>The tint of a contribution, or null when it is too small to show or was not computed.</summary>
    public static WordTint? Of(double? contribution)
    {
        if (contribution is not { } c || Math.Abs(c) < Faint)
        {
            return null;
        }
        var level = Math.Abs(c) switch
        {
            >= 0.3 => 3,
            >= 0.1 => 2,
            _ => 1,
        };
        var number = c.ToString("+0.00;-0.00", CultureInfo.InvariantCulture);
        return c > 0
            ? new WordTint("pos", level, "+", number, $"{number}: 긍정 쪽으로")
            : new WordTint("neg", level, "−", number, $"{number}: 부정 쪽으로");
    }
}
