using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MovieGpt.Measurement;

namespace MovieGpt.LoadTest;

/// <summary>Sets up movies, runs closed-loop clients for the warm-up and the measured window, checks and cleans up.</summary>
public sealed class LoadRunner(LoadOptions options, TextWriter output)
{
    private const int SeedReviewsPerMovie = 5;

    // With --users each seed review of a movie is by another user (one review per account and movie).
    private int SeedsPerMovie => Math.Min(SeedReviewsPerMovie, options.Users ?? SeedReviewsPerMovie);

    public async Task<int> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2 })
        {
            BaseAddress = new Uri(options.Url, "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var (texts, source) = ReviewCorpus.Load(options.TextsPath);
        var service = await http.GetFromJsonAsync<JsonObject>("api") ?? throw new InvalidOperationException("GET /api answered nothing.");
        var machine = MachineInfo.Detect();
        // The bare runtime version (bench prints the full framework name), so lines stay comparable with earlier runs.
        output.WriteLine($"machine : {machine.Cores} cores, {machine.Cpu}, {machine.Os}, .NET {Environment.Version}");
        output.WriteLine($"server  : {options.Url} — {service["name"]} {service["version"]}, model {service["model"]}");
        var pace = options.Rate is { } rate ? $"paced at {rate} requests/s in all" : "each sending its next request as soon as the last is answered";
        output.WriteLine($"run     : {options.Clients} clients ({pace}), {options.WarmupSeconds} s warm-up + {options.Seconds} s measured, {options.Movies} movies, texts from {source}");
        output.WriteLine($"mix     : {string.Join(", ", Workload.Operations.Select((o, i) => $"{options.Weights[i] * 100.0 / options.Weights.Sum():F0}% {o.Name}"))}");

        LoadUsers? users = null;
        if (options.Users is { } count)
        {
            users = await LoadUsers.SignInAsync(options.Url, count);
            output.WriteLine($"users   : {count} accounts ({LoadUsers.Email(0)} …), client c writes as user c mod {count}");
        }
        var seeds = new List<(int User, int Movie, int Review)>();
        var movieIds = await CreateMoviesAsync(http, texts, users, seeds);
        try
        {
            var workload = new Workload(http, movieIds, texts, options.Weights, users);
            foreach (var (user, movie, review) in seeds)
            {
                // The seed reviews' authors edit them when they write to that movie.
                workload.Reviewed(user, movie, review);
            }
            var (report, created) = await DriveAsync(workload);
            output.WriteLine();
            report.Print(output, options.Seconds);
            var stored = await CountReviewsAsync(http, movieIds);
            var expected = movieIds.Count * SeedsPerMovie + created;
            output.WriteLine($"check   : {stored} reviews stored for the run's movies, {expected} expected ({(stored == expected ? "ok" : "MISMATCH")})");
            return report.Errors == 0 && stored == expected ? 0 : 1;
        }
        finally
        {
            if (!options.Keep)
            {
                foreach (var id in movieIds)
                {
                    using var delete = users is null ? new HttpRequestMessage(HttpMethod.Delete, $"api/movies/{id}") : users.As(0, HttpMethod.Delete, $"api/movies/{id}");
                    using var deleted = await http.SendAsync(delete);
                    if (deleted.StatusCode == System.Net.HttpStatusCode.Forbidden)
                    {
                        output.WriteLine($"cleanup : the run's movies are kept: deleting needs an admin (Auth__AdminEmails__0={LoadUsers.Email(0)})");
                        break;
                    }
                }
            }
        }
    }

    private async Task<(LatencyReport Report, int CreatedReviews)> DriveAsync(Workload workload)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(options.WarmupSeconds * (double)Stopwatch.Frequency);
        var end = measureFrom + (long)(options.Seconds * (double)Stopwatch.Frequency);
        var recorders = Enumerable.Range(0, options.Clients).Select(_ => new LatencyRecorder()).ToList();
        var serverCpu = options.ServerPid is { } pid ? Task.Run(() => MeasureServerCpuAsync(pid, measureFrom, end)) : Task.FromResult<TimeSpan?>(null);
        await Task.WhenAll(recorders.Select((recorder, client) => Task.Run(async () =>
        {
            var random = new Random(client + 1);
            // Paced clients send on a fixed schedule, staggered; a late answer delays the next send, and the
            // latency is counted from the scheduled time so that queueing is not hidden (no coordinated omission).
            var interval = options.Rate is { } rate ? (long)(Stopwatch.Frequency * (double)options.Clients / rate) : 0;
            var scheduled = start + interval * client / Math.Max(1, options.Clients);
            while (Stopwatch.GetTimestamp() < end)
            {
                var operation = workload.Pick(random);
                if (interval > 0)
                {
                    scheduled += interval;
                    if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled) is { Ticks: > 0 } wait)
                    {
                        await Task.Delay(wait);
                    }
                }
                var sent = interval > 0 ? scheduled : Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    error = await workload.SendAsync(operation, client, random, CancellationToken.None) is { } status ? $"HTTP {status}" : null;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }
                if (sent >= measureFrom && sent < end)
                {
                    recorder.Record(operation, Stopwatch.GetElapsedTime(sent), error);
                }
            }
        })));
        var report = LatencyRecorder.Merge(recorders, options.Seconds);
        if (await serverCpu is { } cpu && report.Requests > 0)
        {
            output.WriteLine($"server  : {cpu.TotalSeconds:F1} s CPU over the measured {options.Seconds} s, {cpu.TotalMilliseconds / report.Requests:F3} ms CPU per request");
        }
        // Every review the server stored counts, warm-up or not, for the final consistency check.
        return (report, workload.Created);
    }

    private static async Task<TimeSpan?> MeasureServerCpuAsync(int pid, long from, long until)
    {
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), from) is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        var start = ProcessCpu.Read(pid);
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until) is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        return ProcessCpu.Read(pid) - start;
    }

    private async Task<List<int>> CreateMoviesAsync(HttpClient http, IReadOnlyList<string> texts, LoadUsers? users, List<(int User, int Movie, int Review)> seeds)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<int>();
        for (var i = 0; i < options.Movies; i++)
        {
            var movie = JsonBody.Of(new { title = $"부하 시험 영화 {i + 1} ({run})", genre = "드라마", director = "부하 시험" });
            using var request = users is null ? new HttpRequestMessage(HttpMethod.Post, "api/movies/") { Content = movie } : users.As(i, HttpMethod.Post, "api/movies/", movie);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var id = (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            ids.Add(id);
            for (var r = 0; r < SeedsPerMovie; r++)
            {
                var body = JsonBody.Of(new { movie_id = id, author = "seed", content = texts[(i * SeedReviewsPerMovie + r) % texts.Count] });
                using var seed = users is null ? new HttpRequestMessage(HttpMethod.Post, "api/reviews/") { Content = body } : users.As(i + r, HttpMethod.Post, "api/reviews/", body);
                using var review = await http.SendAsync(seed);
                review.EnsureSuccessStatusCode();
                if (users is not null)
                {
                    seeds.Add(((i + r) % users.Count, id, (int)(await review.Content.ReadFromJsonAsync<JsonObject>())!["id"]!));
                }
            }
        }
        return ids;
    }

    private static async Task<int> CountReviewsAsync(HttpClient http, IReadOnlyList<int> movieIds)
    {
        var total = 0;
        foreach (var id in movieIds)
        {
            var rating = await http.GetFromJsonAsync<JsonObject>($"api/reviews/movie/{id}/rating");
            total += (int)rating!["review_count"]!;
        }
        return total;
    }
}
