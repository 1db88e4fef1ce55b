namespace MovieGpt.Sentiment.Aspects;

/// <summary>A three-way distribution (negative, neutral, positive) read for an aspect, and the arithmetic that combines readings.</summary>
internal readonly record struct Reading(double Negative, double Neutral, double Positive)
{
    // Below this gap between P(positive) and P(negative) the reading is neutral, if neutral is the most likely.
    private const double NeutralGap = 0.02;

    public static Reading Even { get; } = new(0, 1, 0);

    public static Reading Praise { get; } = new(0, 0, 1);

    /// <summary>How clearly the reading leans one way: |P(positive) − P(negative)|.</summary>
    public double Strength => Math.Abs(Positive - Negative);

    /// <summary>Whether P(positive) and P(negative) are too close to tell a side (<see cref="Label"/> may answer neutral).</summary>
    public bool Undecided => Strength < NeutralGap;

    /// <summary>The model's answer for a query, or <see cref="Even"/> for a text that was not scored (nothing readable).</summary>
    public static Reading Of(IReadOnlyList<SentimentResult> scores, int query)
    {
        if (query < 0)
        {
            return Even;
        }
        var p = scores[query].Probabilities;
        return new Reading(p.Negative, p.Neutral, p.Positive);
    }

    public Reading Reversed() => new(Positive, Neutral, Negative);

    /// <summary>(1 − w) of this and w of <paramref name="other"/>.</summary>
    public Reading Blend(Reading other, double weight) => new(
        (1 - weight) * Negative + weight * other.Negative,
        (1 - weight) * Neutral + weight * other.Neutral,
        (1 - weight) * Positive + weight * other.Positive);

    /// <summary>This plus <paramref name="weight"/> of <paramref name="other"/>, renormalized.</summary>
    public Reading Plus(Reading other, double weight) => Blend(other, weight / (1 + weight));

    /// <summary>The label and its probability: positive or negative by which is likelier, neutral only when they are close and neutral leads.</summary>
    public (string Label, double Score) Label()
    {
        if (Strength < NeutralGap && Neutral > Math.Max(Positive, Negative))
        {
            return (SentimentLabels.Neutral, Math.Round(Neutral, 4));
        }
        return Positive >= Negative
            ? (SentimentLabels.Positive, Math.Round(Positive, 4))
            : (SentimentLabels.Negative, Math.Round(Negative, 4));
    }
}

/// <summary>The texts a batch sends to the sentiment model, each once; an index per text.</summary>
internal sealed class ScoringQueries
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    public int Count => _texts.Count;

    public IReadOnlyList<string> Texts => _texts;

    /// <summary>The index of <paramref name="text"/>'s answer, or −1 when it has no letter or digit for the model to read.</summary>
    public int Add(string text)
    {
        if (!text.Any(char.IsLetterOrDigit))
        {
            return -1;
        }
        return AddReview(text);
    }

    /// <summary>The index of a whole review's answer: every review is scored, whatever it contains (an empty one makes the engine throw).</summary>
    public int AddReview(string text)
    {
        if (!_index.TryGetValue(text, out var index))
        {
            index = _texts.Count;
            _texts.Add(text);
            _index.Add(text, index);
        }
        return index;
    }
}
