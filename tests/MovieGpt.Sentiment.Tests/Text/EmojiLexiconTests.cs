using MovieGpt.Sentiment.Onnx;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Tests.Text;

public class EmojiLexiconTests
{
    private static readonly double[] Weights = [3.15, 2, 1];

    [Fact]
    public void A_review_without_listed_emoji_has_no_signal()
    {
        Assert.Null(EmojiLexicon.Default.Read("그냥 영화 ㅋㅋ"));
        Assert.Null(EmojiLexicon.Default.Read("🦒"));
    }

    [Fact]
    public void Polarity_is_the_mean_weight_and_share_is_against_letters_and_digits()
    {
        var signal = EmojiLexicon.Default.Read("최고 👍👍")!;
        Assert.Equal(1.0, signal.Polarity, 6);
        Assert.Equal(0.5, signal.Share, 6);
        var mixed = EmojiLexicon.Default.Read("👍👎")!;
        Assert.Equal(0.0, mixed.Polarity, 6);
        Assert.Equal(1.0, mixed.Share, 6);
    }

    [Fact]
    public void Normalized_heart_with_a_variation_selector_is_found()
    {
        var normalized = new TextNormalizer(1000).Normalize("❤️❤️");
        Assert.Equal(1.0, EmojiLexicon.Default.Read(normalized)!.Polarity, 6);
    }

    [Theory]
    [InlineData(1.0, SentimentLabels.Positive)]
    [InlineData(-1.0, SentimentLabels.Negative)]
    [InlineData(0.0, SentimentLabels.Neutral)]
    public void An_emoji_only_review_reads_as_the_lexicon_after_the_decoder(double polarity, string expected)
    {
        var distribution = new float[10];
        distribution[4] = 1;   // whatever the model said is replaced at share 1
        new EmojiSignal(polarity, 1).PullToward(distribution, Weights);
        var result = new RatingDecoder(Weights).Decode(distribution);
        Assert.Equal(expected, result.Label);
        Assert.Equal(1.0, distribution.Sum(), 4);
    }

    [Fact]
    public void Share_zero_leaves_the_model_alone()
    {
        float[] distribution = [0.1f, 0, 0, 0, 0.2f, 0, 0, 0.3f, 0, 0.4f];
        new EmojiSignal(-1, 0).PullToward(distribution, Weights);
        Assert.Equal([0.1f, 0, 0, 0, 0.2f, 0, 0, 0.3f, 0, 0.4f], distribution);
    }

    [Fact]
    public void Entries_must_be_one_code_point_with_a_weight_in_range()
    {
        Assert.Throws<ArgumentException>(() => new EmojiLexicon(new Dictionary<string, double> { ["👍👍"] = 1 }));
        Assert.Throws<ArgumentException>(() => new EmojiLexicon(new Dictionary<string, double> { ["👍"] = 2 }));
    }
}
