using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Explanations;

namespace MovieGpt.Cli.Explaining;

/// <summary>
/// One line of `moviegpt explain`: the fields of `predict` (label, score, probabilities, rating) flattened
/// beside tokens, sentences and mixed. A word past the explainer's cap has no contribution field.
/// </summary>
internal sealed record ExplanationJson(
    string Label,
    double Score,
    SentimentProbabilities Probabilities,
    double Rating,
    IReadOnlyList<TokenJson> Tokens,
    IReadOnlyList<SentenceJson> Sentences,
    bool Mixed)
{
    public static ExplanationJson Of(SentimentExplanation e) => new(
        e.Result.Label,
        e.Result.Score,
        e.Result.Probabilities,
        e.Result.Rating,
        [.. e.Tokens.Select(t => new TokenJson(t.Text, t.Start, t.Length, t.Contribution))],
        [.. e.Sentences.Select(s => new SentenceJson(s.Text, s.Start, s.Length, s.Result.Label, s.Result.Score, s.Result.Probabilities))],
        e.Mixed);
}

internal sealed record TokenJson(string Text, int Start, int Length, double? Contribution);

internal sealed record SentenceJson(string Text, int Start, int Length, string Label, double Score, SentimentProbabilities Probabilities);
