using MovieGpt.Measurement;

namespace MovieGpt.Cli.Benchmarking;

/// <summary>What `moviegpt bench` measured (snake_case JSON with --json).</summary>
internal sealed record BenchReport(
    MachineInfo Machine,
    BenchModel Model,
    string Data,
    double LoadMs,
    LatencyFigures Latency,
    ConcurrentFigures Concurrent,
    ThroughputFigures Throughput,
    ExplainFigures Explain,
    ExplainFigures Aspects,
    MemoryFigures Memory);

internal sealed record BenchModel(string Name, string Kind, string File, long? FileBytes);

/// <summary>Single-review Analyze calls on one thread, after warm-up, in milliseconds.</summary>
internal sealed record LatencyFigures(int Calls, double P50Ms, double P99Ms, double MeanMs, double MaxMs);

/// <summary>Single-review Analyze calls on one thread per core at once, one pass over the sample.</summary>
internal sealed record ConcurrentFigures(double ReviewsPerSecond, int Calls, int Threads);

/// <summary>AnalyzeBatch over chunks on every core, repeated passes over the sample.</summary>
internal sealed record ThroughputFigures(double ReviewsPerSecond, long Reviews, double Seconds, int Threads, int ChunkSize);

/// <summary>Peak working set of the process, and the managed heap after the run.</summary>
internal sealed record MemoryFigures(double PeakWorkingSetMb, double ManagedHeapMb);

/// <summary>`explain`'s or `aspects`' work (one engine call per batch of reviews, JSON included), repeated passes over the sample.</summary>
internal sealed record ExplainFigures(double ReviewsPerSecond, long Reviews, double Seconds, int Batch);
