using MovieGpt.Cli.Evaluation;

namespace MovieGpt.Cli.Tests.Evaluation;

public sealed class BalancedSampleTests
{
    private static readonly int[] Negatives = [.. Enumerable.Range(0, 30)];
    private static readonly int[] Positives = [.. Enumerable.Range(1000, 100)];

    [Fact]
    public void Each_class_gets_as_many_reviews_as_the_smaller_class_has()
    {
        var (negatives, positives) = BalancedSample.Draw(Negatives, Positives, seed: 42);

        Assert.Equal(30, negatives.Length);
        Assert.Equal(30, positives.Length);
        Assert.Equal(Negatives, negatives.Order());
        Assert.Subset(Positives.ToHashSet(), positives.ToHashSet());
        Assert.Equal(30, positives.Distinct().Count());
    }

    [Fact]
    public void The_same_seed_draws_the_same_sample()
    {
        var first = BalancedSample.Draw(Negatives, Positives, seed: 7);
        var second = BalancedSample.Draw(Negatives, Positives, seed: 7);

        Assert.Equal(first.Positives, second.Positives);
        Assert.Equal(first.Negatives, second.Negatives);
    }

    [Fact]
    public void Another_seed_draws_other_positives_from_the_larger_class()
    {
        var first = BalancedSample.Draw(Negatives, Positives, seed: 1);
        var second = BalancedSample.Draw(Negatives, Positives, seed: 2);

        Assert.NotEqual(first.Positives.Order(), second.Positives.Order());
    }

    [Fact]
    public void A_requested_total_caps_each_class_at_half_of_it()
    {
        var (negatives, positives) = BalancedSample.Draw(Negatives, Positives, seed: 42, maxTotal: 21);

        Assert.Equal(10, negatives.Length);
        Assert.Equal(10, positives.Length);
    }

    [Fact]
    public void A_requested_total_larger_than_the_data_allows_takes_what_there_is()
    {
        var (negatives, positives) = BalancedSample.Draw(Negatives, Positives, seed: 42, maxTotal: 1000);

        Assert.Equal(30, negatives.Length);
        Assert.Equal(30, positives.Length);
    }

    [Fact]
    public void A_requested_total_below_two_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => BalancedSample.Draw(Negatives, Positives, seed: 42, maxTotal: 1));

        Assert.Contains("--binary-n", error.Message);
    }
}
