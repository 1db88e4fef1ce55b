using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MovieGpt.Measurement;

namespace MovieGpt.LoadTest;

/// <summary>
/// Bounded work under the heaviest legal requests: clients send maximal sentiment batches back to back while a prober
/// measures what everyone else sees, <c>GET /health</c> and a read.
/// </summary>
public sealed class BatchScenario(LoadOptions options, TextWriter output)
{
    private const int TextsPerBatch = 1000;
    private const int CharactersPerText = 1000;
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    public async Task<int> RunAsync()
    {
        var (texts, source) = ReviewCorpus.Load(options.TextsPath);
        // Korean as UTF-8, as clients send it (3 bytes a syllable, not a 6-byte \uXXXX escape): about 3 MB, under the cap.
        var body = JsonSerializer.SerializeToUtf8Bytes(new { texts = MaximalTexts(texts) },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var json = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var probe = Client(null);
        var service = await probe.GetFromJsonAsync<JsonObject>("api") ?? throw new InvalidOperationException("GET /api answered nothing.");
        var machine = MachineInfo.Detect();
        output.WriteLine($"machine : {machine.Cores} cores, {machine.Cpu}, {machine.Os}, .NET {Environment.Version}");
        output.WriteLine($"server  : {options.Url} — {service["name"]} {service["version"]}, model {service["model"]}");
        output.WriteLine($"run     : {options.Clients} clients sending batches of {TextsPerBatch} texts × {CharactersPerText} characters "
            + $"({body.Length / 1e6:F1} MB, texts from {source}), {options.WarmupSeconds} s warm-up + {options.Seconds} s measured; "
            + $"a prober sends GET /health and GET /api/reviews/ every {ProbeInterval.TotalMilliseconds:F0} ms");

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(options.WarmupSeconds * (double)Stopwatch.Frequency);
        var end = measureFrom + (long)(options.Seconds * (double)Stopwatch.Frequency);
        var batches = new List<double>();
        var statuses = new Dictionary<string, int>();
        var clients = Enumerable.Range(0, options.Clients).Select(i => Task.Run(async () =>
        {
            using var http = Client(i);
            var mine = new List<double>();
            var myStatuses = new Dictionary<string, int>();
            while (Stopwatch.GetTimestamp() < end)
            {
                var sent = Stopwatch.GetTimestamp();
                string status;
                try
                {
                    using var response = await http.PostAsync("api/sentiment/batch", new ByteArrayContent(body) { Headers = { ContentType = json } });
                    await response.Content.LoadIntoBufferAsync();
                    status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    status = e.GetType().Name;
                }
                if (sent >= measureFrom && sent < end)
                {
                    mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    myStatuses[status] = myStatuses.GetValueOrDefault(status) + 1;
                }
            }
            lock (batches)
            {
                batches.AddRange(mine);
                foreach (var (key, count) in myStatuses)
                {
                    statuses[key] = statuses.GetValueOrDefault(key) + count;
                }
            }
        })).ToList();
        var health = ProbeAsync(probe, "health", measureFrom, end);
        var reads = ProbeAsync(probe, "api/reviews/?limit=10", measureFrom, end);
        var peak = options.ServerPid is { } pid ? Task.Run(() => PeakMemoryAsync(pid, end)) : Task.FromResult<long?>(null);
        await Task.WhenAll(clients);
        var (healthTimes, healthErrors) = await health;
        var (readTimes, readErrors) = await reads;

        output.WriteLine();
        output.WriteLine($"{"endpoint",-30} {"requests",9} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"max ms",9} {"errors",7}");
        Row("GET /health", healthTimes, healthErrors);
        Row("GET /api/reviews/", readTimes, readErrors);
        Row("POST /api/sentiment/batch", batches, batches.Count - statuses.GetValueOrDefault("200"));
        output.WriteLine($"batches : {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}"))}, "
            + $"{batches.Count * (double)TextsPerBatch / options.Seconds:F0} texts/s");
        if (await peak is { } bytes)
        {
            output.WriteLine($"server  : peak resident memory {bytes / 1e6:F0} MB (VmHWM)");
        }
        output.WriteLine($"load    : {File.ReadAllText("/proc/loadavg").Trim()}");
        return healthErrors + readErrors == 0 && statuses.Keys.All(k => k == "200") ? 0 : 1;
    }

    private void Row(string name, List<double> times, int errors)
    {
        var sorted = times.Order().ToArray();
        double P(double p) => sorted.Length == 0 ? double.NaN : Percentiles.Of(sorted, p);
        output.WriteLine($"{name,-30} {sorted.Length,9} {P(50),9:F2} {P(90),9:F2} {P(99),9:F2} {P(100),9:F2} {errors,7}");
    }

    /// <summary>A thousand texts of a thousand characters each: real reviews run together, the request limit exactly.</summary>
    private static string[] MaximalTexts(IReadOnlyList<string> corpus)
    {
        var next = 0;
        return [.. Enumerable.Range(0, TextsPerBatch).Select(_ =>
        {
            var text = new System.Text.StringBuilder();
            while (text.Length < CharactersPerText)
            {
                text.Append(corpus[next++ % corpus.Count]).Append(' ');
            }
            return text.ToString(0, CharactersPerText);
        })];
    }

    private async Task<(List<double> Times, int Errors)> ProbeAsync(HttpClient http, string path, long from, long until)
    {
        var times = new List<double>();
        var errors = 0;
        while (Stopwatch.GetTimestamp() < until)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                if (sent >= from)
                {
                    times.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    errors += response.IsSuccessStatusCode ? 0 : 1;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors++;
            }
            if (ProbeInterval - Stopwatch.GetElapsedTime(sent) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }
        }
        return (times, errors);
    }

    private static async Task<long?> PeakMemoryAsync(int pid, long until)
    {
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until) is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Client <paramref name="index"/> connects from its own 127.0.x.y, so the server sees one client per address (its
    /// fair share and rate limits are per address); the prober (null) from the default address.
    /// </summary>
    private HttpClient Client(int? index) =>
        LoopbackClient.From(options.Url, index is { } i ? new IPAddress([127, 0, (byte)(i / 240), (byte)(10 + i % 240)]) : null, TimeSpan.FromSeconds(120));
}
