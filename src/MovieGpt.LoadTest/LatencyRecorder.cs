using MovieGpt.Measurement;

namespace MovieGpt.LoadTest;

/// <summary>One client's latencies and errors per operation; merged after the run, so clients never share a lock.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double>[] _milliseconds = [.. Workload.Operations.Select(_ => new List<double>())];
    private readonly int[] _errors = new int[Workload.Operations.Count];
    private readonly List<string> _errorSamples = [];

    public void Record(int operation, TimeSpan elapsed, string? error)
    {
        _milliseconds[operation].Add(elapsed.TotalMilliseconds);
        if (error is not null)
        {
            _errors[operation]++;
            if (_errorSamples.Count < 5)
            {
                _errorSamples.Add($"{Workload.Operations[operation].Name}: {error}");
            }
        }
    }

    public static LatencyReport Merge(IReadOnlyList<LatencyRecorder> recorders, double seconds) =>
        new(
            [.. Workload.Operations.Select((operation, i) => new EndpointFigures(
                operation.Name,
                [.. recorders.SelectMany(r => r._milliseconds[i]).Order()],
                recorders.Sum(r => r._errors[i]),
                seconds))],
            [.. recorders.SelectMany(r => r._errorSamples).Take(10)]);
}

/// <summary>Figures of one endpoint over the measured window.</summary>
public sealed record EndpointFigures(string Name, double[] SortedMilliseconds, int Errors, double Seconds)
{
    public int Count => SortedMilliseconds.Length;

    public double PerSecond => Count / Seconds;

    /// <summary>Nearest-rank percentile; NaN for an endpoint that was never called, so its row still prints.</summary>
    public double Percentile(double p) => Count == 0 ? double.NaN : Percentiles.Of(SortedMilliseconds, p);
}

public sealed record LatencyReport(IReadOnlyList<EndpointFigures> Endpoints, IReadOnlyList<string> ErrorSamples)
{
    public int Requests => Endpoints.Sum(e => e.Count);

    public int Errors => Endpoints.Sum(e => e.Errors);

    public void Print(TextWriter output, double seconds)
    {
        output.WriteLine($"{"endpoint",-30} {"requests",9} {"req/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
        foreach (var e in Endpoints)
        {
            output.WriteLine($"{e.Name,-30} {e.Count,9} {e.PerSecond,9:F1} {e.Percentile(50),8:F2} {e.Percentile(90),8:F2} {e.Percentile(99),8:F2} {e.Percentile(100),8:F2} {e.Errors,7}");
        }
        output.WriteLine($"{"all",-30} {Requests,9} {Requests / seconds,9:F1} {"",8} {"",8} {"",8} {"",8} {Errors,7}");
        foreach (var sample in ErrorSamples)
        {
            output.WriteLine($"  error: {sample}");
        }
    }
}
