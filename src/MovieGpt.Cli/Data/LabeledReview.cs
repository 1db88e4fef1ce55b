namespace MovieGpt.Cli.Data;

/// <summary>
/// One review from a data file. Rating files carry the 1–10 star rating; NSMC files carry only the
/// binary label (0 negative, 1 positive), so <see cref="Rating"/> is null there.
/// </summary>
internal sealed record LabeledReview(string Text, int? Rating, int BinaryLabelOrMinusOne)
{
    /// <summary>0 = negative (1–4), 1 = neutral (5–8), 2 = positive (9–10); -1 when unknown (NSMC).</summary>
    public int ThreeClass => Rating switch
    {
        null => -1,
        <= 4 => 0,
        <= 8 => 1,
        _ => 2,
    };

    /// <summary>The NSMC binary label: 0 negative, 1 positive, -1 for ratings 5–8 (left out).</summary>
    public int Binary => BinaryLabelOrMinusOne;

    public static LabeledReview FromRating(string text, int rating) =>
        new(text, rating, rating <= 4 ? 0 : rating >= 9 ? 1 : -1);

    public static LabeledReview FromBinary(string text, int label) => new(text, null, label);
}
