using System.CommandLine;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Commands;

/// <summary>Options that several commands share; one instance each, added to every command that uses it.</summary>
internal sealed class SharedOptions
{
    public Option<string> Model { get; } = new("--model")
    {
        Description = "Model folder (our manifest.json format or a Hugging Face ONNX export). Default: the shipped model.",
        HelpName = "DIR",
        DefaultValueFactory = _ => SentimentOptions.DefaultModelPath,
    };

    public Option<string> Data(string description) => new("--data")
    {
        Description = description,
        HelpName = "FILE",
        Required = true,
    };
}
