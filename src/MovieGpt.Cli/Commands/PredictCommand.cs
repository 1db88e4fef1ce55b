using System.CommandLine;
using MovieGpt.Cli.Prediction;

namespace MovieGpt.Cli.Commands;

/// <summary>`moviegpt predict`: one review per line on standard input → one JSON object per line on standard output.</summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context, SharedOptions shared)
    {
        var batch = new Option<int>("--batch")
        {
            Description = "Most lines scored together (lines already waiting are batched; a lone line is answered at once).",
            DefaultValueFactory = _ => PredictionStream.DefaultBatch,
        };
        var command = new Command("predict",
            "Score reviews read one per line from standard input; writes one JSON object per line " +
            "(label, score, probabilities, rating), or {\"error\":…,\"line\":N} for a line that cannot be scored.")
        {
            shared.Model, batch,
        };
        command.SetAction(parse => CommandErrors.Run(context, "predict", () =>
        {
            var maxBatch = parse.GetValue(batch);
            if (maxBatch < 1)
            {
                throw new ArgumentException($"--batch must be at least 1, not {maxBatch}.");
            }
            using var analyzer = context.LoadModel(parse.GetValue(shared.Model)!);
            new PredictionStream(analyzer, context.Input, context.Output, maxBatch).Run();
            return 0;
        }));
        return command;
    }
}
