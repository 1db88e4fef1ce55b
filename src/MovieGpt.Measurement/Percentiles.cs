namespace MovieGpt.Measurement;

/// <summary>Nearest-rank percentiles of a sorted sample.</summary>
public static class Percentiles
{
    /// <summary>The smallest value with at least <paramref name="percent"/>% of the sample at or below it.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A percentile needs at least one value.", nameof(sorted));
        }
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
