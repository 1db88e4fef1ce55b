using System.CommandLine;
using MovieGpt.Cli.Commands;

namespace MovieGpt.Cli.Aspects;

/// <summary>`moviegpt eval-aspects --data FILE`: prints one JSON object of aspect figures.</summary>
internal static class EvalAspectsCommand
{
    public static Command Create(CliContext context, SharedOptions shared)
    {
        var data = shared.Data("Aspect-labelled reviews: TSV with the header text, 연기, 스토리, 연출, 액션, 음악 (values 1/-1/0).");
        var half = new Option<string?>("--half")
        {
            Description = "Measure one half of the file only: 'tuning' (reviews whose FNV-1a hash of the text is even, the half " +
                "the rules were tuned on) or 'check' (odd, left untouched); see models/moviegpt-sentiment/README.md, Aspects.",
            HelpName = "tuning|check",
        };
        half.AcceptOnlyFromAmong(AspectDataFile.TuningHalf, AspectDataFile.CheckHalf);
        var command = new Command("eval-aspects",
            "Measure aspect analysis on labelled reviews: mention F1 per aspect, polarity accuracy (all and on reviews " +
            "whose aspects disagree) against the whole-review baseline, and reviews/s, as JSON.")
        {
            shared.Model, data, half,
        };
        command.SetAction(parse => CommandErrors.Run(context, "eval-aspects", () =>
        {
            var path = parse.GetValue(data)!;
            var reviews = AspectDataFile.Read(path);
            if (parse.GetValue(half) is { } name)
            {
                reviews = AspectDataFile.Half(reviews, name);
                path = $"{path} ({name} half)";
            }
            using var analyzer = context.LoadModel(parse.GetValue(shared.Model)!);
            var report = new AspectEvaluator(analyzer).Evaluate(reviews, path);
            context.Output.WriteLine(CliJson.Serialize(report));
            context.Output.Flush();
            return 0;
        }));
        return command;
    }
}
