using System.CommandLine;
using MovieGpt.Cli.Explaining;
using MovieGpt.Sentiment.Explanations;

namespace MovieGpt.Cli.Commands;

/// <summary>
/// `moviegpt explain [--input FILE]`: one review per line → one JSON object per line with the verdict, each
/// word's contribution, each sentence's verdict and whether the sentences disagree.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context, SharedOptions shared)
    {
        var inputFile = new Option<string?>("--input")
        {
            Description = "Read reviews from this UTF-8 file, one per line, instead of standard input.",
            HelpName = "FILE",
        };
        var batch = new Option<int>("--batch")
        {
            Description = "Most lines explained together (lines already waiting are batched; a lone line is answered at once).",
            DefaultValueFactory = _ => ExplanationStream.DefaultBatch,
        };
        var maxWords = new Option<int>("--max-words")
        {
            Description = "Most words of a review left out one at a time; later words get no contribution.",
            DefaultValueFactory = _ => ExplainerOptions.Default.MaxWords,
        };
        var command = new Command("explain",
            "Explain reviews read one per line: writes one JSON object per line (label, score, probabilities, rating, " +
            "tokens with their contribution to positivity, sentences with their own verdict, mixed), " +
            "or {\"error\":…,\"line\":N} for a line that cannot be scored.")
        {
            shared.Model, inputFile, batch, maxWords,
        };
        command.SetAction(parse => CommandErrors.Run(context, "explain", () =>
        {
            var (maxBatch, words) = (parse.GetValue(batch), parse.GetValue(maxWords));
            if (maxBatch < 1 || words < 0)
            {
                throw new ArgumentException($"--batch must be at least 1 and --max-words at least 0 (got {maxBatch} and {words}).");
            }
            var path = parse.GetValue(inputFile);
            using var file = path is null ? null : new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var analyzer = context.LoadModel(parse.GetValue(shared.Model)!);
            var explainer = new SentimentExplainer(analyzer, new ExplainerOptions { MaxWords = words });
            new ExplanationStream(explainer, file ?? context.Input, context.Output, maxBatch).Run();
            return 0;
        }));
        return command;
    }
}
