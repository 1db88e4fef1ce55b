using System.Diagnostics;
using MovieGpt.Cli.Aspects;
using MovieGpt.Cli.Explaining;
using MovieGpt.Cli.Scoring;
using MovieGpt.Measurement;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Sentiment.Explanations;

namespace MovieGpt.Cli.Benchmarking;

/// <summary>
/// Times model loading, single-review latency on one thread, single reviews scored concurrently on every core
/// (what a server does, each request scoring its own) and batch throughput on all cores, in that order, over
/// the same sample of real reviews.
/// </summary>
internal sealed class BenchRunner(Func<ISentimentAnalyzer> loadModel, IReadOnlyList<string> texts, TimeSpan throughputTime)
{
    private const int WarmUpCalls = 1_000;

    public BenchReport Run(string dataName)
    {
        if (texts.Count == 0)
        {
            throw new InvalidDataException($"Data file '{dataName}' has no non-empty review to benchmark with.");
        }
        var loadWatch = Stopwatch.StartNew();
        using var analyzer = loadModel();
        var loadMs = loadWatch.Elapsed.TotalMilliseconds;

        var scorer = new ParallelScorer(analyzer);
        WarmUp(analyzer, scorer);
        var latency = MeasureLatency(analyzer);
        var concurrent = MeasureConcurrentSingles(analyzer);
        var throughput = MeasureThroughput(scorer);
        var explain = MeasureExplain(new SentimentExplainer(analyzer));
        var aspects = MeasureAspects(new AspectAnalyzer(analyzer));
        return new BenchReport(
            MachineInfo.Detect(), Describe(analyzer.Model), dataName, Math.Round(loadMs, 1), latency, concurrent, throughput, explain, aspects, Memory());
    }

    // JIT, ONNX Runtime's first-run allocations and the thread pool's growth are not what a served review costs.
    private void WarmUp(ISentimentAnalyzer analyzer, ParallelScorer scorer)
    {
        for (var i = 0; i < Math.Min(WarmUpCalls, texts.Count); i++)
        {
            analyzer.Analyze(texts[i]);
        }
        scorer.Score([.. texts.Take(scorer.ChunkSize * scorer.Threads * 4)]);
    }

    private LatencyFigures MeasureLatency(ISentimentAnalyzer analyzer)
    {
        var millis = new double[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            analyzer.Analyze(texts[i]);
            millis[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(millis);
        return new LatencyFigures(
            millis.Length,
            Math.Round(Percentiles.Of(millis, 50), 4),
            Math.Round(Percentiles.Of(millis, 99), 4),
            Math.Round(millis.Average(), 4),
            Math.Round(millis[^1], 4));
    }

    /// <summary>One pass over the sample, one Analyze call per review, on one thread per core sharing the analyzer.</summary>
    private ConcurrentFigures MeasureConcurrentSingles(ISentimentAnalyzer analyzer)
    {
        var next = -1;
        var threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < texts.Count; i = Interlocked.Increment(ref next))
            {
                analyzer.Analyze(texts[i]);
            }
        })).ToList();
        var watch = Stopwatch.StartNew();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var seconds = watch.Elapsed.TotalSeconds;
        return new ConcurrentFigures(Math.Round(texts.Count / seconds), texts.Count, threads.Count);
    }

    /// <summary>Whole passes over the sample until <c>throughputTime</c> has gone by (at least one pass).</summary>
    private ThroughputFigures MeasureThroughput(ParallelScorer scorer)
    {
        long reviews = 0;
        var watch = Stopwatch.StartNew();
        do
        {
            scorer.Score(texts);
            reviews += texts.Count;
        }
        while (watch.Elapsed < throughputTime);
        var seconds = watch.Elapsed.TotalSeconds;
        return new ThroughputFigures(Math.Round(reviews / seconds), reviews, Math.Round(seconds, 2), scorer.Threads, scorer.ChunkSize);
    }

    /// <summary>
    /// What `moviegpt explain` does per batch, JSON included, without the pipe: whole passes over the sample in
    /// batches of <see cref="ExplanationStream.DefaultBatch"/> until <c>throughputTime</c> has gone by.
    /// </summary>
    private ExplainFigures MeasureExplain(SentimentExplainer explainer)
    {
        const int batch = ExplanationStream.DefaultBatch;
        ExplanationStream.Explain(explainer, [.. texts.Take(batch)]);   // warm-up
        long reviews = 0;
        var watch = Stopwatch.StartNew();
        do
        {
            for (var start = 0; start < texts.Count; start += batch)
            {
                var outcomes = ExplanationStream.Explain(explainer, [.. texts.Skip(start).Take(batch)]);
                Parallel.For(0, outcomes.Length, i => ExplanationStream.ToJson(outcomes[i], i + 1));
                reviews += outcomes.Length;
            }
        }
        while (watch.Elapsed < throughputTime);
        var seconds = watch.Elapsed.TotalSeconds;
        return new ExplainFigures(Math.Round(reviews / seconds), reviews, Math.Round(seconds, 2), batch);
    }

    /// <summary>
    /// What `moviegpt aspects` does, reading and JSON included (<see cref="AspectStream"/> over the sample as lines,
    /// output discarded): whole passes until <c>throughputTime</c> has gone by.
    /// </summary>
    private ExplainFigures MeasureAspects(AspectAnalyzer analyzer)
    {
        var lines = string.Join('\n', texts.Select(t => t.ReplaceLineEndings(" ")));
        new AspectStream(analyzer, new StringReader(lines), TextWriter.Null).Run();   // warm-up
        long reviews = 0;
        var watch = Stopwatch.StartNew();
        do
        {
            reviews += new AspectStream(analyzer, new StringReader(lines), TextWriter.Null).Run();
        }
        while (watch.Elapsed < throughputTime);
        var seconds = watch.Elapsed.TotalSeconds;
        return new ExplainFigures(Math.Round(reviews / seconds), reviews, Math.Round(seconds, 2), AspectStream.DefaultBatch);
    }

    private static BenchModel Describe(ModelInfo model) =>
        new(model.Name, model.Kind, model.File, File.Exists(model.File) ? new FileInfo(model.File).Length : null);

    private static MemoryFigures Memory()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        const double mb = 1024 * 1024;
        return new MemoryFigures(Math.Round(process.PeakWorkingSet64 / mb, 1), Math.Round(GC.GetGCMemoryInfo().HeapSizeBytes / mb, 1));
    }
}
