using MovieGpt.Cli.Commands;
using MovieGpt.Cli.Scoring;
using MovieGpt.Cli.Streaming;
using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Cli.Aspects;

/// <summary>
/// `aspects`: each review line answered with <c>{"aspects":[…]}</c>, streaming (<see cref="LineStream"/>), a batch
/// analyzed in one call. An empty line gets <c>{"error":"empty text","line":N}</c>.
/// </summary>
internal sealed class AspectStream(AspectAnalyzer analyzer, TextReader input, TextWriter output, int maxBatch = AspectStream.DefaultBatch)
{
    public const int DefaultBatch = LineStream.DefaultBatch;

    /// <summary>Runs to the end of the input; returns how many lines were answered.</summary>
    public long Run() => new LineStream(input, output, Answer, maxBatch).Run();

    private string[] Answer(IReadOnlyList<string> batch, long linesBefore)
    {
        var answers = analyzer.AnalyzeBatch([.. batch.Where(line => !string.IsNullOrWhiteSpace(line))]);
        var next = 0;
        return [.. batch.Select((line, i) => string.IsNullOrWhiteSpace(line)
            ? CliJson.Serialize(new LineError(ScoreOutcome.EmptyText, linesBefore + i + 1))
            : CliJson.Serialize(new AspectAnswer(answers[next++])))];
    }
}

/// <summary>The answer to one review line.</summary>
internal sealed record AspectAnswer(IReadOnlyList<AspectMention> Aspects);
