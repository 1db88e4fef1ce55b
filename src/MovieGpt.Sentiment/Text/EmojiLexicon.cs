using System.Collections.Frozen;
using System.Text;

namespace MovieGpt.Sentiment.Text;

/// <summary>
/// Emoji and symbol polarity, −1 (clearly negative) to +1 (clearly positive). The training data is from before
/// emoji spread, so the model has seen almost none of them and read "😡😡😡" as neutral: these weights come
/// from common usage, and from the training data where it has the symbol (♥ mean rating 9.8 over 3,552
/// reviews, ♡ 9.7 over 1,447, ★ 8.7, ☆ 8.8, ♬/♪ 8.8; see docs/model-explanations.md). Keys are single code
/// points of normalized text: the normalizer drops variation selectors and joiners, so "❤️" is U+2764 and a
/// joined sequence counts as its parts. An emoji not listed here is left to the model.
/// </summary>
public sealed class EmojiLexicon
{
    private readonly FrozenDictionary<int, double> _weights;

    public EmojiLexicon(IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var byRune = new Dictionary<int, double>();
        foreach (var (emoji, weight) in weights)
        {
            if (!Rune.TryGetRuneAt(emoji, 0, out var rune) || rune.Utf16SequenceLength != emoji.Length || weight is < -1 or > 1)
            {
                throw new ArgumentException($"Lexicon entry '{emoji}' must be one code point with a weight in [-1, 1], not {weight}.", nameof(weights));
            }
            byRune[rune.Value] = weight;
        }
        _weights = byRune.ToFrozenDictionary();
    }

    /// <summary>The shipped lexicon.</summary>
    public static EmojiLexicon Default { get; } = new(DefaultWeights);

    /// <summary>The weight of one code point, or null when the lexicon does not know it.</summary>
    public double? WeightOf(int codePoint) => _weights.TryGetValue(codePoint, out var w) ? w : null;

    /// <summary>
    /// What the emoji of <paramref name="normalized"/> say: the mean weight of the listed emoji it contains
    /// (each occurrence counts; the normalizer already cut runs to two) and their share of the review's
    /// readable units (listed emoji plus letters and digits). Null when it has no listed emoji.
    /// </summary>
    public EmojiSignal? Read(string normalized)
    {
        var emoji = 0;
        var letters = 0;
        var sum = 0.0;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (_weights.TryGetValue(rune.Value, out var weight))
            {
                emoji++;
                sum += weight;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                letters++;
            }
        }
        return emoji == 0 ? null : new EmojiSignal(sum / emoji, (double)emoji / (emoji + letters));
    }

    private static Dictionary<string, double> DefaultWeights => new()
    {
        // Praise, love, fire (in Korean reviews 🔥 is hype, not disaster), top marks.
        ["👍"] = 1, ["😍"] = 1, ["🥰"] = 1, ["😘"] = 0.8, ["❤"] = 1, ["♥"] = 1, ["♡"] = 0.9, ["💕"] = 1, ["💖"] = 1,
        ["💗"] = 1, ["💓"] = 1, ["💞"] = 1, ["💘"] = 1, ["💝"] = 1, ["💜"] = 0.9, ["💙"] = 0.9, ["💚"] = 0.9,
        ["💛"] = 0.9, ["🧡"] = 0.9, ["🤍"] = 0.8, ["💯"] = 1, ["🔥"] = 0.9, ["👏"] = 1, ["🙌"] = 0.9, ["🤩"] = 1,
        ["😻"] = 1, ["🏆"] = 0.9, ["🥇"] = 0.9, ["👌"] = 0.8, ["🎉"] = 0.7, ["🎊"] = 0.6, ["💪"] = 0.5, ["🤗"] = 0.6,
        ["😇"] = 0.6, ["😎"] = 0.6, ["✨"] = 0.6, ["🌟"] = 0.7, ["⭐"] = 0.7, ["★"] = 0.6, ["☆"] = 0.6, ["✌"] = 0.5,
        // Smiles and laughter: a comedy that worked.
        ["😀"] = 0.7, ["😃"] = 0.7, ["😄"] = 0.7, ["😁"] = 0.7, ["😆"] = 0.7, ["😊"] = 0.6, ["☺"] = 0.6,
        ["🙂"] = 0.4, ["😂"] = 0.6, ["🤣"] = 0.6, ["😹"] = 0.5, ["♪"] = 0.4, ["♬"] = 0.4, ["♩"] = 0.4, ["♫"] = 0.4,
        // Tears: like ㅠㅠ in Korean reviews, more often "it moved me" than "it was bad".
        ["😭"] = 0.4, ["🥹"] = 0.6, ["🥲"] = 0.2, ["😢"] = 0.2,
        // Neither: they say what the review is about, not how it went.
        ["🍿"] = 0, ["🎬"] = 0, ["🎥"] = 0, ["🤔"] = -0.2, ["😱"] = 0, ["😮"] = 0, ["😲"] = 0,
        // Anger, disgust, boredom, disappointment, trash.
        ["👎"] = -1, ["😡"] = -1, ["🤬"] = -1, ["😠"] = -0.9, ["💢"] = -0.8, ["🖕"] = -1, ["🤮"] = -1, ["🤢"] = -0.9,
        ["💩"] = -1, ["🗑"] = -0.9, ["😴"] = -0.9, ["💤"] = -0.9, ["🥱"] = -0.9, ["😪"] = -0.6, ["😒"] = -0.8,
        ["🙄"] = -0.8, ["😤"] = -0.6, ["😑"] = -0.7, ["😐"] = -0.4, ["😶"] = -0.3, ["😕"] = -0.6, ["🙁"] = -0.6,
        ["☹"] = -0.7, ["😞"] = -0.7, ["😔"] = -0.5, ["😩"] = -0.7, ["😫"] = -0.7, ["😖"] = -0.6, ["😣"] = -0.5,
        ["😓"] = -0.4, ["🤦"] = -0.8, ["🤡"] = -0.7, ["💔"] = -0.4, ["❌"] = -0.7, ["🚮"] = -0.9, ["🤨"] = -0.4,
        ["😬"] = -0.4, ["🙅"] = -0.6,
    };
}

/// <summary>
/// The emoji of one review: their mean <see cref="Polarity"/> (−1 to +1) and their <see cref="Share"/> of the
/// review's readable units (0 to 1; 1 for an emoji-only review).
/// </summary>
public sealed record EmojiSignal(double Polarity, double Share)
{
    /// <summary>
    /// How far the lexicon pulls: √<see cref="Share"/>. The model has never learned these emoji, so its reading
    /// of "그냥 영화 😍😍" is about the two words alone; a plain share (a third) let it outvote three clear emoji.
    /// </summary>
    public double Pull => Math.Sqrt(Math.Clamp(Share, 0, 1));

    /// <summary>
    /// Pulls a rating distribution toward the emoji: (1 − <see cref="Pull"/>) × the model's distribution +
    /// <see cref="Pull"/> × the lexicon's, so an emoji-only review gets the lexicon's polarity. The lexicon's
    /// distribution puts √|Polarity| of its mass on the pole (ratings 9–10 or 1–4) and the rest on 5–8, each
    /// class divided by the decoder's weight for it, so that after the decoder's correction it reads as that
    /// split (a strong emoji alone is positive or negative, a mild one leans that way from neutral).
    /// </summary>
    public void PullToward(Span<float> ratingDistribution, IReadOnlyList<double> classWeights)
    {
        if (ratingDistribution.Length != 10 || classWeights.Count != 3)
        {
            throw new ArgumentException("Emoji mixing needs a distribution over ten ratings and three class weights.");
        }
        var pole = Math.Sqrt(Math.Abs(Polarity));
        ReadOnlySpan<double> negative = [0.6, 0.2, 0.1, 0.1];
        ReadOnlySpan<double> neutral = [0.2, 0.3, 0.3, 0.2];
        ReadOnlySpan<double> positive = [0.3, 0.7];
        Span<double> lexicon = stackalloc double[10];
        var poleShape = Polarity >= 0 ? positive : negative;
        var (poleStart, poleClass) = Polarity >= 0 ? (8, 2) : (0, 0);
        for (var i = 0; i < neutral.Length; i++)
        {
            lexicon[4 + i] = (1 - pole) * neutral[i] / classWeights[1];
        }
        for (var i = 0; i < poleShape.Length; i++)
        {
            lexicon[poleStart + i] = pole * poleShape[i] / classWeights[poleClass];
        }
        double modelSum = 0, lexiconSum = 0;
        for (var i = 0; i < 10; i++)
        {
            modelSum += ratingDistribution[i];
            lexiconSum += lexicon[i];
        }
        var pull = Pull;
        for (var i = 0; i < 10; i++)
        {
            var model = modelSum > 0 ? ratingDistribution[i] / modelSum : 0;
            ratingDistribution[i] = (float)((1 - pull) * model + pull * lexicon[i] / lexiconSum);
        }
    }
}
