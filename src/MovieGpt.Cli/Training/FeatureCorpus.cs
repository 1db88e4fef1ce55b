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

    /// <summary>Featurizes normalized reviews; <paramref name="reviews"/>[i] carries the rating of <paramref name="normalized"/>[i].</summary>
    public static FeatureCorpus Build(IReadOnlyList<string> normalized, IReadOnlyList<LabeledReview> reviews, HashingFeaturizer featurizer)
    {
        var perReview = new int[normalized.Count][];
        Parallel.For(0, normalized.Count, () => new List<int>(256), (i, _, buffer) =>
        {
            buffer.Clear();
            featurizer.Featurize(normalized[i], buffer);
            perReview[i] = [.. buffer];
            return buffer;
        }, _ => { });

        // A normalized review is never empty, so every review has at least one feature.
        var offsets = new long[perReview.Length + 1];
        var ratings = new byte[perReview.Length];
        var ids = new int[perReview.Sum(f => (long)f.Length)];
        for (var i = 0; i < perReview.Length; i++)
        {
            perReview[i].CopyTo(ids, offsets[i]);
            offsets[i + 1] = offsets[i] + perReview[i].Length;
            ratings[i] = (byte)(TrainingRating(reviews[i]) - 1);
        }
        return new FeatureCorpus(ids, offsets, ratings);
    }
}
