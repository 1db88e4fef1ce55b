using MovieGpt.Cli.Commands;
using MovieGpt.Cli.Scoring;
using MovieGpt.Cli.Streaming;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Prediction;

/// <summary>`predict`: each review line answered with the engine's verdict, streaming (<see cref="LineStream"/>).</summary>
internal sealed class PredictionStream(ISentimentAnalyzer analyzer, TextReader input, TextWriter output, int maxBatch = PredictionStream.DefaultBatch)
{
    public const int DefaultBatch = LineStream.DefaultBatch;

    private readonly ParallelScorer _scorer = new(analyzer);

    /// <summary>Runs to the end of the input; returns how many lines were answered.</summary>
    public long Run() => new LineStream(input, output, Answer, maxBatch).Run();

    private string[] Answer(IReadOnlyList<string> batch, long linesBefore)
    {
        var outcomes = _scorer.Score(batch);
        return [.. outcomes.Select((outcome, i) => outcome.Result is { } result
            ? CliJson.Serialize(result)
            : CliJson.Serialize(new LineError(outcome.Error!, linesBefore + i + 1)))];
    }
}
