namespace MovieGpt.Cli.Evaluation;

/// <summary>
/// The NSMC binary protocol's class-balanced sample: the same number of negatives and positives (the smaller
/// class count, or half of a requested total), each class shuffled with the seed first, so chance is 50% and
/// a seed always draws the same reviews.
/// </summary>
internal static class BalancedSample
{
    public static (T[] Negatives, T[] Positives) Draw<T>(IReadOnlyList<T> negatives, IReadOnlyList<T> positives, int seed, int? maxTotal = null)
    {
        if (maxTotal is < 2)
        {
            throw new ArgumentException($"--binary-n must be at least 2, not {maxTotal}.");
        }
        var perClass = Math.Min(negatives.Count, positives.Count);
        if (maxTotal is { } total)
        {
            perClass = Math.Min(perClass, total / 2);
        }
        // One generator for both classes, negatives first: the order is part of what the seed fixes.
        var random = new Random(seed);
        return (Take(negatives, perClass, random), Take(positives, perClass, random));
    }

    private static T[] Take<T>(IReadOnlyList<T> items, int count, Random random)
    {
        var shuffled = items.ToArray();
        random.Shuffle(shuffled);
        return shuffled[..count];
    }
}
