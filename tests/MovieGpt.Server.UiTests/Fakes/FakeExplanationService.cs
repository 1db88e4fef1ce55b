using System.Collections.Concurrent;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Explanations;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.UiTests.Fakes;

/// <summary>
/// Explains any text the same scripted way: the first word pulls positive, the last negative, the ones between
/// barely move it; one sentence per line, each labelled by its first word. Records every text it was asked about.
/// </summary>
public sealed class FakeExplanationService : IExplanationService
{
    public ConcurrentQueue<string> Asked { get; } = new();

    public Task<SentimentExplanation> ExplainAsync(string text, CancellationToken ct = default)
    {
        Asked.Enqueue(text);
        var words = SentimentExplainer.Words(text);
        var tokens = words.Select((w, i) => new WordContribution(w.Of(text), w.Start, w.Length,
            i == 0 ? 0.45 : i == words.Count - 1 ? -0.15 : 0.01)).ToList();
        var sentences = new List<SentenceSentiment>();
        var start = 0;
        foreach (var line in text.Split('\n'))
        {
            var positive = !line.StartsWith("별로", StringComparison.Ordinal);
            var result = positive ? SentimentResult.FromProbabilities(0.1, 0.1, 0.8, 8) : SentimentResult.FromProbabilities(0.8, 0.1, 0.1, 2);
            sentences.Add(new SentenceSentiment(line, start, line.Length, result));
            start += line.Length + 1;
        }
        var mixed = sentences.Select(s => s.Result.Label).Distinct().Count() > 1;
        return Task.FromResult(new SentimentExplanation(sentences[0].Result, tokens, sentences, mixed));
    }
}
