using MovieGpt.Cli.Evaluation;

namespace MovieGpt.Cli.Tests.Evaluation;

public sealed class MeanAbsoluteErrorTests
{
    [Fact]
    public void The_error_is_the_mean_of_absolute_differences_in_both_directions()
    {
        // |9.5 − 10| + |2 − 1| + |5 − 7.5| = 0.5 + 1 + 2.5 = 4 over 3.
        var mae = MeanAbsoluteError.Of([(9.5, 10), (2, 1), (5, 7.5)]);

        Assert.Equal(4.0 / 3, mae, precision: 12);
    }

    [Fact]
    public void No_pairs_give_zero()
    {
        Assert.Equal(0, MeanAbsoluteError.Of([]));
    }
}
