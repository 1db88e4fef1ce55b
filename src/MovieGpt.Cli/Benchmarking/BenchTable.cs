using Spectre.Console;

namespace MovieGpt.Cli.Benchmarking;

/// <summary>The human-readable form of a <see cref="BenchReport"/>.</summary>
internal static class BenchTable
{
    public static void Write(BenchReport report, TextWriter output, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            // Escape codes only for a terminal: a redirected table is read by people in files and logs.
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        var table = new Table().Title("moviegpt bench").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (measure, value) in Rows(report))
        {
            table.AddRow(Markup.Escape(measure), Markup.Escape(value));
        }
        console.Write(table);
        output.Flush();
    }

    public static IEnumerable<(string Measure, string Value)> Rows(BenchReport r)
    {
        var m = r.Model;
        yield return ("model", $"{m.Name} ({m.Kind})");
        yield return ("model file", m.FileBytes is { } bytes ? $"{Path.GetFileName(m.File)}, {bytes / 1e6:F1} MB" : m.File);
        yield return ("data", r.Data);
        yield return ("load time", $"{r.LoadMs:F1} ms");
        yield return ("latency p50 (1 thread)", $"{r.Latency.P50Ms:F4} ms");
        yield return ("latency p99 (1 thread)", $"{r.Latency.P99Ms:F4} ms");
        yield return ("latency mean / max", $"{r.Latency.MeanMs:F4} / {r.Latency.MaxMs:F3} ms ({r.Latency.Calls:N0} calls)");
        yield return ("single reviews, all cores", $"{r.Concurrent.ReviewsPerSecond:N0} reviews/s ({r.Concurrent.Threads} threads, one review a call)");
        yield return ("batch throughput", $"{r.Throughput.ReviewsPerSecond:N0} reviews/s");
        yield return ("throughput run", $"{r.Throughput.Reviews:N0} in {r.Throughput.Seconds:F2} s, {r.Throughput.Threads} threads, batches of {r.Throughput.ChunkSize:N0}");
        yield return ("explain throughput", $"{r.Explain.ReviewsPerSecond:N0} reviews/s ({r.Explain.Reviews:N0} in {r.Explain.Seconds:F2} s, batches of {r.Explain.Batch:N0})");
        yield return ("aspects throughput", $"{r.Aspects.ReviewsPerSecond:N0} reviews/s ({r.Aspects.Reviews:N0} in {r.Aspects.Seconds:F2} s, batches of {r.Aspects.Batch:N0})");
        yield return ("peak working set", $"{r.Memory.PeakWorkingSetMb:F1} MB");
        yield return ("managed heap", $"{r.Memory.ManagedHeapMb:F1} MB");
        yield return ("cores", r.Machine.Cores.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("CPU", r.Machine.Cpu);
        yield return ("OS", r.Machine.Os);
        yield return (".NET", r.Machine.Dotnet);
    }
}
