using MovieGpt.Cli.Commands;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Tests.Support;

/// <summary>Runs `moviegpt …` in-process with string input and captured output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static CliRun Of(string[] args, string input = "", Func<string, ISentimentAnalyzer>? loadModel = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(input), output, error, loadModel ?? CliContext.LoadFromFolder);
        var exitCode = MovieGptCommandLine.Run(context, args);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
