using System.Text.Json;
using MovieGpt.Cli.Tests.Support;

namespace MovieGpt.Cli.Tests.Commands;

/// <summary>`moviegpt bench` on a small sample with the shipped model (shape of the report, not the speed).</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Data() => _temp.WriteRatings("dev.tsv.gz", [.. Enumerable.Range(0, 40).Select(i => (i % 10 + 1, $"리뷰 {i} 재밌어요"))]);

    [Fact]
    public void Json_output_has_latency_throughput_load_memory_and_machine()
    {
        var run = CliRun.Of(["bench", "--data", Data(), "--n", "30", "--seconds", "0", "--json"]);

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(Assert.Single(run.OutputLines)).RootElement;
        Assert.Equal(30, json.GetProperty("latency").GetProperty("calls").GetInt32());
        Assert.True(json.GetProperty("latency").GetProperty("p50_ms").GetDouble() <= json.GetProperty("latency").GetProperty("p99_ms").GetDouble());
        Assert.True(json.GetProperty("concurrent").GetProperty("reviews_per_second").GetDouble() > 0);
        Assert.Equal(30, json.GetProperty("concurrent").GetProperty("calls").GetInt32());
        Assert.Equal(Environment.ProcessorCount, json.GetProperty("concurrent").GetProperty("threads").GetInt32());
        Assert.True(json.GetProperty("throughput").GetProperty("reviews_per_second").GetDouble() > 0);
        Assert.Equal(30, json.GetProperty("throughput").GetProperty("reviews").GetInt64());
        Assert.Equal(Environment.ProcessorCount, json.GetProperty("throughput").GetProperty("threads").GetInt32());
        Assert.True(json.GetProperty("explain").GetProperty("reviews_per_second").GetDouble() > 0);
        Assert.Equal(30, json.GetProperty("explain").GetProperty("reviews").GetInt64());
        Assert.True(json.GetProperty("aspects").GetProperty("reviews_per_second").GetDouble() > 0);
        Assert.Equal(30, json.GetProperty("aspects").GetProperty("reviews").GetInt64());
        Assert.True(json.GetProperty("load_ms").GetDouble() > 0);
        Assert.True(json.GetProperty("memory").GetProperty("peak_working_set_mb").GetDouble() > 0);
        Assert.Equal(Environment.ProcessorCount, json.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("machine").GetProperty("cpu").GetString()));
        Assert.True(json.GetProperty("model").GetProperty("file_bytes").GetInt64() > 0);
    }

    [Fact]
    public void The_table_names_every_measure_without_escape_codes()
    {
        var run = CliRun.Of(["bench", "--data", Data(), "--n", "10", "--seconds", "0"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var measure in new[] { "latency p50", "latency p99", "single reviews, all cores", "reviews/s", "explain throughput", "aspects throughput", "load time", "peak working set", "cores", "CPU", ".NET" })
        {
            Assert.Contains(measure, run.Output);
        }
        Assert.DoesNotContain("\u001b[", run.Output);
    }
}
