using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Commands;

/// <summary>
/// What the commands read from and write to, and how they load a model: the console in production,
/// string readers/writers and a chosen loader in tests, so commands run in-process.
/// </summary>
internal sealed record CliContext(TextReader Input, TextWriter Output, TextWriter Error, Func<string, ISentimentAnalyzer> LoadModel)
{
    /// <summary>Whether <see cref="Output"/> is a terminal, so tables may use colour; never for a file, pipe or test writer.</summary>
    public bool OutputIsTerminal { get; init; }

    public static ISentimentAnalyzer LoadFromFolder(string directory) =>
        SentimentModelLoader.Load(new SentimentOptions { ModelPath = directory });
}
