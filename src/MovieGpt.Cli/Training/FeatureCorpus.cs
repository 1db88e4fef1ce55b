using MovieGpt.Cli.Data;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>
/// Reviews featurized once, packed flat (ids of review i are Ids[Offsets[i]..Offsets[i+1]]), with the
/// star rating as a 0-based class. Epochs then only read memory.
/// </summary>
internal sealed class FeatureCorpus
{
    private FeatureCorpus(int[] ids, long[] offsets, byte[] ratings)
    {
        Ids = ids;
        Offsets = offsets;
        Ratings = ratings;
    }

    public int[] Ids { get; }

    public long[] Offsets { get; }

    /// <summary>Rating − 1, in 0..9.</summary>
    public byte[] Ratings { get; }

    public int Count => Ratings.Length;

    public ReadOnlySpan<int> Features(int index) => Ids.AsSpan((int)Offsets[index], (int)(Offsets[index + 1] - Offsets[index]));

    /// <summary>NSMC files have no stars: their labels train as the extreme ratings 1 and 10.</summary>
    public static int TrainingRating(LabeledReview review) => review.Rating ?? (review.Binary == 1 ? 10 : 1);

    /// <summary>Featurizes the reviews that have readable text; the rest are counted in <paramref name="skipped"/>.</summary>
    public static FeatureCorpus Build(IReadOnlyList<LabeledReview> reviews, TextNormalizer normalizer, HashingFeaturizer featurizer, out int skipped)
    {
        var perReview = new int[reviews.Count][];
        Parallel.For(0, reviews.Count, () => new List<int>(256), (i, _, buffer) =>
        {
            var review = reviews[i];
            if (string.IsNullOrWhiteSpace(review.Text))
            {
                return buffer;
            }
            string normalized;
            try
            {
                normalized = normalizer.Normalize(review.Text);
            }
            catch (ArgumentException)
            {
                return buffer;   // nothing readable: not a training example
            }
            buffer.Clear();
            featurizer.Featurize(normalized, buffer);
            perReview[i] = [.. buffer];
            return buffer;
        }, _ => { });

        var kept = perReview.Count(f => f is { Length: > 0 });
        skipped = reviews.Count - kept;
        var offsets = new long[kept + 1];
        var ratings = new byte[kept];
        var total = perReview.Where(f => f is not null).Sum(f => (long)f.Length);
        var ids = new int[total];
        var k = 0;
        for (var i = 0; i < perReview.Length; i++)
        {
            if (perReview[i] is not { Length: > 0 } row)
            {
                continue;
            }
            row.CopyTo(ids, offsets[k]);
            offsets[k + 1] = offsets[k] + row.Length;
            ratings[k] = (byte)(TrainingRating(reviews[i]) - 1);
            k++;
        }
        return new FeatureCorpus(ids, offsets, ratings);
    }
}
