using System.CommandLine;
using MovieGpt.Cli.Benchmarking;
using MovieGpt.Cli.Data;

namespace MovieGpt.Cli.Commands;

/// <summary>`moviegpt bench --data FILE [--n 20000] [--seconds 5] [--json]`: latency, throughput, load time and memory.</summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context, SharedOptions shared)
    {
        var data = shared.Data("Reviews to time the model on (.tsv or .tsv.gz); the first --n non-empty ones are used.");
        var n = new Option<int>("--n")
        {
            Description = "Reviews in the sample: one single-review call each for latency, and the unit of a throughput pass.",
            DefaultValueFactory = _ => 20_000,
        };
        var seconds = new Option<double>("--seconds")
        {
            Description = "Least time spent on throughput: passes over the sample repeat until it has gone by.",
            DefaultValueFactory = _ => 5,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("bench", "Time a model: single-review latency (p50/p99, one thread), batch throughput (all cores), load time, peak memory.")
        {
            shared.Model, data, n, seconds, json,
        };
        command.SetAction(parse => CommandErrors.Run(context, "bench", () =>
        {
            var (count, time) = (parse.GetValue(n), parse.GetValue(seconds));
            if (count < 1 || !(time >= 0))
            {
                throw new ArgumentException($"--n must be at least 1 and --seconds at least 0 (got {count} and {time}).");
            }
            var path = parse.GetValue(data)!;
            var texts = ReviewDataFile.Open(path).Read().Select(r => r.Text).Where(t => !string.IsNullOrWhiteSpace(t)).Take(count).ToList();
            var modelDir = parse.GetValue(shared.Model)!;
            var report = new BenchRunner(() => context.LoadModel(modelDir), texts, TimeSpan.FromSeconds(time)).Run(path);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(CliJson.Serialize(report));
                context.Output.Flush();
            }
            else
            {
                BenchTable.Write(report, context.Output, context.OutputIsTerminal);
            }
            return 0;
        }));
        return command;
    }
}
