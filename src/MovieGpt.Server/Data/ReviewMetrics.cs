using System.Diagnostics.Metrics;

namespace MovieGpt.Server.Data;

/// <summary>
/// The review writer's and the engine's instruments, under the meter <see cref="MeterName"/> (exported at
/// <c>/metrics</c> with ASP.NET Core's, the runtime's and Npgsql's): what a dashboard needs to tell a slow engine
/// from a slow database, and a backlog from a burst.
/// </summary>
public sealed class ReviewMetrics
{
    public const string MeterName = "MovieGpt";

    // Seconds, from a fraction of a millisecond (one review) to seconds (a backlog's batch).
    private static readonly double[] DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private static readonly int[] BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    private readonly Meter _meter;
    private readonly Counter<long> _scored;
    private readonly Histogram<double> _engineBatch;
    private readonly Histogram<int> _writerBatch;

    public ReviewMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _scored = _meter.CreateCounter<long>("moviegpt.reviews.stored", "{review}", "Reviews scored and stored, by sentiment label");
        _engineBatch = _meter.CreateHistogram("moviegpt.engine.batch.duration", "s", "Time the sentiment engine took to score one batch of new reviews",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _writerBatch = _meter.CreateHistogram("moviegpt.writer.batch.size", "{review}", "Reviews the writer scored and committed together",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
    }

    /// <summary>Reports <paramref name="depth"/> as the number of reviews waiting for the writer.</summary>
    public void ObserveQueue(Func<int> depth) =>
        _meter.CreateObservableGauge("moviegpt.writer.queue.depth", depth, "{review}", "Reviews waiting for the writer");

    public void EngineBatch(TimeSpan took) => _engineBatch.Record(took.TotalSeconds);

    public void Committed(IReadOnlyCollection<Review> reviews)
    {
        _writerBatch.Record(reviews.Count);
        foreach (var review in reviews)
        {
            _scored.Add(1, new KeyValuePair<string, object?>("label", review.SentimentLabel));
        }
    }
}
