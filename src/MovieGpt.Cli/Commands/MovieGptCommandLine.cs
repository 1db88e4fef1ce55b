using System.CommandLine;
using MovieGpt.Cli.Training;

namespace MovieGpt.Cli.Commands;

/// <summary>The `moviegpt` root command and its subcommands, wired to one <see cref="CliContext"/>.</summary>
internal static class MovieGptCommandLine
{
    public static RootCommand Create(CliContext context)
    {
        var shared = new SharedOptions();
        return new RootCommand("moviegpt: train, evaluate, run and time the MovieGpt Korean review sentiment model.")
        {
            TrainCommand.Create(),
            EvalCommand.Create(context, shared),
            PredictCommand.Create(context, shared),
            ExplainCommand.Create(context, shared),
            BenchCommand.Create(context, shared),
            Aspects.AspectsCommand.Create(context, shared),
            Aspects.EvalAspectsCommand.Create(context, shared),
        };
    }

    /// <summary>Parses and runs <paramref name="args"/>; parse errors and help go to the context's writers too.</summary>
    public static int Run(CliContext context, string[] args)
    {
        var configuration = new InvocationConfiguration { Output = context.Output, Error = context.Error };
        try
        {
            return Create(context).Parse(args).Invoke(configuration);
        }
        finally
        {
            context.Output.Flush();
            context.Error.Flush();
        }
    }
}
