using System.CommandLine;
using MovieGpt.Cli.Commands;
using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Cli.Aspects;

/// <summary>`moviegpt aspects [--input FILE]`: one review per line → one JSON object of aspect mentions per line.</summary>
internal static class AspectsCommand
{
    public static Command Create(CliContext context, SharedOptions shared)
    {
        var input = new Option<string?>("--input")
        {
            Description = "Read reviews from this file (UTF-8, one per line) instead of standard input.",
            HelpName = "FILE",
        };
        var batch = new Option<int>("--batch")
        {
            Description = "Most lines analyzed together (lines already waiting are batched; a lone line is answered at once).",
            DefaultValueFactory = _ => AspectStream.DefaultBatch,
        };
        var command = new Command("aspects",
            "Find what reviews say about acting (연기), story (스토리), direction (연출), action (액션) and music (음악): " +
            "reads one review per line, writes one JSON object per line {\"aspects\":[{aspect, label, score, evidence, start, length}]}, " +
            "or {\"error\":…,\"line\":N} for an empty line.")
        {
            shared.Model, input, batch,
        };
        command.SetAction(parse => CommandErrors.Run(context, "aspects", () =>
        {
            var maxBatch = parse.GetValue(batch);
            if (maxBatch < 1)
            {
                throw new ArgumentException($"--batch must be at least 1, not {maxBatch}.");
            }
            using var reader = parse.GetValue(input) is { } path ? new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true) : null;
            using var analyzer = context.LoadModel(parse.GetValue(shared.Model)!);
            new AspectStream(new AspectAnalyzer(analyzer), reader ?? context.Input, context.Output, maxBatch).Run();
            return 0;
        }));
        return command;
    }
}
