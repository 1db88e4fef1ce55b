using System.CommandLine;
using MovieGpt.Cli.Data;
using MovieGpt.Cli.Evaluation;

namespace MovieGpt.Cli.Commands;

/// <summary>`moviegpt eval --data FILE [--seed N] [--binary-n N]`: prints one JSON object of dev figures.</summary>
internal static class EvalCommand
{
    public const int DefaultSeed = 42;

    public static Command Create(CliContext context, SharedOptions shared)
    {
        var data = shared.Data("Labelled reviews (.tsv or .tsv.gz; rating or NSMC format, told apart by the header).");
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the class-balanced binary sample.",
            DefaultValueFactory = _ => DefaultSeed,
        };
        var binaryN = new Option<int?>("--binary-n")
        {
            Description = "Size of the balanced binary sample (default: as many as the smaller class allows, twice).",
            HelpName = "N",
        };
        var command = new Command("eval", "Measure a model on labelled reviews: binary accuracy (NSMC protocol), three-class F1 and rating MAE, as JSON.")
        {
            shared.Model, data, seed, binaryN,
        };
        command.SetAction(parse => CommandErrors.Run(context, "eval", () =>
        {
            var path = parse.GetValue(data)!;
            var file = ReviewDataFile.Open(path);
            using var analyzer = context.LoadModel(parse.GetValue(shared.Model)!);
            var report = new Evaluator(analyzer).Evaluate(file, path, parse.GetValue(seed), parse.GetValue(binaryN));
            context.Output.WriteLine(CliJson.Serialize(report));
            context.Output.Flush();
            return 0;
        }));
        return command;
    }
}
