namespace MovieGpt.Measurement.Tests;

public sealed class PercentilesTests
{
    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

    [Theory]
    [InlineData(50, 50)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0, 1)]
    public void Nearest_rank_picks_the_smallest_value_covering_the_share(double percent, double expected)
    {
        Assert.Equal(expected, Percentiles.Of(OneToHundred, percent));
    }

    [Fact]
    public void The_99th_percentile_of_ten_values_is_the_largest()
    {
        Assert.Equal(10, Percentiles.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99));
    }
}
