using System.CommandLine;

namespace MovieGpt.Cli.Training;

/// <summary>`moviegpt train --data FILE [--dev FILE] --out DIR`.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a sentiment model and write a model folder.");
        return command;
    }
}
