using System.Globalization;
using MovieGpt.Cli.Scoring;
using MovieGpt.Cli.Tests.Support;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Tests.Scoring;

public sealed class ParallelScorerTests
{
    /// <summary>"n 17" → a result whose score is 17/1000, so the answer names the text it came from.</summary>
    private static ScriptedAnalyzer Numbered() =>
        new(text => ScriptedAnalyzer.Sure(SentimentLabels.Positive, 10, score: int.Parse(text[2..], CultureInfo.InvariantCulture) / 1000.0));

    [Fact]
    public void Answers_keep_the_input_order_across_many_chunks()
    {
        var analyzer = Numbered();
        var texts = Enumerable.Range(0, 1000).Select(i => $"n {i}").ToList();

        var outcomes = new ParallelScorer(analyzer, chunkSize: 16, threads: 4).Score(texts);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i / 1000.0), outcomes.Select(o => o.Result!.Score));
        Assert.Equal(63, analyzer.BatchCalls);
    }

    [Fact]
    public void Empty_texts_get_an_error_and_are_not_sent_to_the_analyzer()
    {
        var outcomes = new ParallelScorer(Numbered()).Score(["n 1", "", " \t", "n 4"]);

        Assert.Equal([null, ScoreOutcome.EmptyText, ScoreOutcome.EmptyText, null], outcomes.Select(o => o.Error));
        Assert.Equal([0.001, 0.004], outcomes.Where(o => o.Result is not null).Select(o => o.Result!.Score));
    }

    [Fact]
    public void An_unreadable_text_fails_alone_and_its_chunk_is_still_scored()
    {
        var outcomes = new ParallelScorer(Numbered(), chunkSize: 4).Score(["n 1", "?!", "n 3", "n 4", "n 5"]);

        Assert.Equal("Review text has no readable characters.", outcomes[1].Error);
        Assert.Equal([0.001, 0.003, 0.004, 0.005], outcomes.Where(o => o.Result is not null).Select(o => o.Result!.Score));
    }
}
