using System.Net;

namespace MovieGpt.LoadTest;

/// <summary>Command-line settings of one run.</summary>
public sealed record LoadOptions(
    Uri Url, int Clients, int Seconds, int WarmupSeconds, int Movies, string TextsPath, bool Keep, IReadOnlyList<int> Weights, int? ServerPid, int? Rate, bool Batches = false)
{
    public const string Usage = """
        Usage: moviegpt-load --url http://127.0.0.1:PORT [--clients 32] [--seconds 20] [--warmup 30] [--movies 100]
                             [--texts tests/data/dev-sample-2000.tsv] [--mix 50,25,15,10] [--rate R] [--server-pid PID] [--keep]
                             [--scenario mix|batches]
        Drives a RUNNING MovieGpt server on this machine (loopback only) and prints requests/s and p50/p99 per endpoint.
        --mix weighs POST /api/reviews/, GET /api/reviews/movie/{id}, GET /api/movies/{id}/stats, GET /api/reviews/.
        Without --rate each client sends its next request as soon as the last is answered (the server's capacity);
        with --rate the clients together send R requests/s on a fixed schedule (latency at a given load).
        The warm-up is long because a freshly started server spends its first ~25 s under load re-compiling hot
        methods (tiered JIT), a quarter of its CPU; a server that has been up for a while does not.
        --server-pid also reports the server's CPU time per request over the measured window (read from /proc).
        The movies it creates (and so their reviews) are deleted at the end unless --keep is given.
        --scenario batches: each client sends maximal POST /api/sentiment/batch requests (1,000 texts, 1,000,000
        characters) back to back, each from its own loopback address (a client of its own to the server), while one
        prober asks GET /health and GET /api/reviews/ ten times a second each; prints their latencies and, with
        --server-pid, the server's peak memory. Run the server with RateLimits__Enabled=false.
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                keep = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }
        }
        var unknown = values.Keys.Except(["url", "clients", "seconds", "warmup", "movies", "texts", "mix", "server-pid", "rate", "scenario"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option --{unknown[0]}.");
        }
        if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("--url must be the server's http address, e.g. http://127.0.0.1:5080.");
        }
        if (!IsLoopback(uri))
        {
            // A load test may only ever target this machine.
            throw new ArgumentException($"--url must point at this machine (127.0.0.0/8, ::1 or localhost), not '{uri.Host}'.");
        }
        return new LoadOptions(
            uri,
            Positive(values, "clients", 32),
            Positive(values, "seconds", 20),
            Positive(values, "warmup", 30, allowZero: true),
            Positive(values, "movies", 100),
            values.GetValueOrDefault("texts", Path.Combine("tests", "data", "dev-sample-2000.tsv")),
            keep,
            values.TryGetValue("mix", out var mix) ? ParseMix(mix) : Workload.DefaultWeights,
            values.ContainsKey("server-pid") ? Positive(values, "server-pid", 0) : null,
            values.ContainsKey("rate") ? Positive(values, "rate", 0) : null,
            values.GetValueOrDefault("scenario", "mix") switch
            {
                "mix" => false,
                "batches" => true,
                var other => throw new ArgumentException($"--scenario must be mix or batches, not '{other}'."),
            });
    }

    private static int[] ParseMix(string text)
    {
        var parts = text.Split(',');
        var weights = parts.Select(p => int.TryParse(p, out var w) && w >= 0 ? w : -1).ToArray();
        return weights.Length == Workload.Operations.Count && weights.All(w => w >= 0) && weights.Sum() > 0
            ? weights
            : throw new ArgumentException($"--mix must be {Workload.Operations.Count} whole numbers ≥ 0, e.g. 50,25,15,10.");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static int Positive(Dictionary<string, string> values, string name, int fallback, bool allowZero = false)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, out var value) && (value > 0 || (allowZero && value == 0)) && (value <= 10_000 || name == "server-pid")
            ? value
            : throw new ArgumentException($"--{name} must be a whole number{(allowZero ? " ≥ 0" : " > 0")}.");
    }
}
