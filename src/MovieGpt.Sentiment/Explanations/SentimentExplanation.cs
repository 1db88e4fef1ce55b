namespace MovieGpt.Sentiment.Explanations;

/// <summary>
/// Why the engine said what it said about one review: its usual <see cref="Result"/>, each word's
/// contribution (<see cref="Tokens"/>), each sentence's own verdict (<see cref="Sentences"/>) and whether the
/// sentences disagree (<see cref="Mixed"/>). Offsets are UTF-16 code units into the text as given.
/// </summary>
public sealed record SentimentExplanation(
    SentimentResult Result,
    IReadOnlyList<WordContribution> Tokens,
    IReadOnlyList<SentenceSentiment> Sentences,
    bool Mixed);

/// <summary>
/// One word (eojeol: a whitespace-separated piece) and its contribution to positivity: the review's
/// P(positive) − P(negative) minus the same without this word, so a word that made the review more positive
/// is above 0. Null for words past <see cref="ExplainerOptions.MaxWords"/>, which were not left out.
/// </summary>
public sealed record WordContribution(string Text, int Start, int Length, double? Contribution);

/// <summary>One sentence (<see cref="Text.SentenceSplitter"/>) and the engine's verdict on it alone.</summary>
public sealed record SentenceSentiment(string Text, int Start, int Length, SentimentResult Result);

/// <summary>Limits and thresholds of <see cref="SentimentExplainer"/>.</summary>
public sealed record ExplainerOptions
{
    /// <summary>
    /// Most words left out one at a time: the first this many get a contribution, the rest null. It bounds a
    /// review's cost at MaxWords + 1 + its sentences engine rows (a 60-word review is fully explained).
    /// </summary>
    public int MaxWords { get; init; } = 64;

    /// <summary>
    /// A review is <see cref="SentimentExplanation.Mixed"/> when one of its sentences is positive with
    /// P(positive) at least this and another negative with P(negative) at least this.
    /// </summary>
    public double MixedThreshold { get; init; } = 0.6;

    public static ExplainerOptions Default { get; } = new();
}
