using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Explanations;

namespace MovieGpt.Server.Contracts;

/// <summary>
/// POST /api/sentiment/explain: the engine's usual answer plus why. <see cref="Tokens"/> are the review's words with
/// their contribution to positivity (how much P(positive) − P(negative) drops without the word; null past the
/// explainer's word cap); <see cref="Sentences"/> carry their own verdicts; <see cref="Mixed"/> flags sentences that
/// disagree strongly.
/// </summary>
public sealed record ExplanationResponse(
    string Label,
    double Score,
    SentimentProbabilities Probabilities,
    double Rating,
    IReadOnlyList<WordContribution> Tokens,
    IReadOnlyList<SentenceVerdict> Sentences,
    bool Mixed)
{
    public static ExplanationResponse Of(SentimentExplanation explanation) => new(
        explanation.Result.Label,
        explanation.Result.Score,
        explanation.Result.Probabilities,
        explanation.Result.Rating,
        explanation.Tokens,
        [.. explanation.Sentences.Select(s => new SentenceVerdict(s.Text, s.Start, s.Length, s.Result.Label, s.Result.Score, s.Result.Probabilities))],
        explanation.Mixed);
}

/// <summary>One sentence of an explained review, with its own label and probabilities.</summary>
public sealed record SentenceVerdict(string Text, int Start, int Length, string Label, double Score, SentimentProbabilities Probabilities);
