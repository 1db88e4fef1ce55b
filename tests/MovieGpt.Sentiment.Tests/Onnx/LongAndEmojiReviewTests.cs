namespace MovieGpt.Sentiment.Tests.Onnx;

/// <summary>
/// Issue 24: reviews longer than the character GRU's window are read over their whole length, and emoji carry
/// the lexicon's polarity. Measured on the shipped model; the dev-wide figures are in docs/model-explanations.md.
/// </summary>
public class LongAndEmojiReviewTests(ShippedModelFixture fixture) : IClassFixture<ShippedModelFixture>
{
    private readonly ISentimentAnalyzer _analyzer = fixture.Analyzer;

    /// <summary>
    /// Dev reviews are short (at most 147 characters), so long ones are made by joining real dev reviews of one
    /// polarity until they pass 400 characters; they must be read no worse than the short reviews they are made of.
    /// </summary>
    [Fact]
    public void Long_reviews_made_of_real_dev_reviews_score_no_worse_than_the_short_ones()
    {
        var sample = DevSample.Read();
        var longReviews = new List<(string Text, bool Positive)>();
        foreach (var polarity in new[] { false, true })
        {
            var text = "";
            foreach (var (review, positive) in sample.Where(s => s.Positive == polarity))
            {
                text = text.Length == 0 ? review : $"{text} {review}";
                if (text.Length >= 400)
                {
                    longReviews.Add((text, polarity));
                    text = "";
                }
            }
        }
        Assert.True(longReviews.Count >= 60, $"only {longReviews.Count} long reviews");

        var shortAccuracy = Accuracy(sample);
        var longAccuracy = Accuracy(longReviews);
        Assert.True(longAccuracy >= shortAccuracy, $"long {longAccuracy:P1} against short {shortAccuracy:P1}");
    }

    /// <summary>
    /// Two thirds plot summary, then the verdict: read over 160 characters it was neutral-to-negative; now the
    /// verdict counts. It stays labelled neutral (most of it is a neutral summary), but leans positive.
    /// </summary>
    [Fact]
    public void A_long_review_whose_verdict_comes_at_the_end_leans_toward_the_verdict()
    {
        const string story =
            "주인공은 평범한 회사원인데 어느 날 갑자기 오래전에 연락이 끊긴 형에게서 편지를 받는다. " +
            "편지에는 고향 마을에서 벌어진 사건에 대한 이야기가 적혀 있고 주인공은 휴가를 내고 고향으로 내려간다. " +
            "마을 사람들은 무언가를 숨기는 듯하고 경찰은 사건을 덮으려고 한다. " +
            "중반부까지는 인물들의 과거 이야기가 천천히 나오고 회상 장면이 자주 들어간다. " +
            "후반부에는 형의 행방과 사건의 진실이 하나씩 드러나면서 이야기가 빠르게 진행된다. ";
        var text = story + story + "배우들 연기도 음악도 결말도 모두 최고였고 강력 추천합니다";
        Assert.True(text.Length > 400);

        var whole = _analyzer.Analyze(text);
        var head = _analyzer.Analyze(text[..160]);
        Assert.True(DevSample.SaysPositive(whole), $"{whole}");
        Assert.True(whole.Probabilities.Positive > 2 * head.Probabilities.Positive, $"{whole} against the first 160 characters' {head}");
    }

    [Fact]
    public void Label_and_rating_of_a_long_review_come_from_one_distribution()
    {
        var text = string.Concat(Enumerable.Repeat("스토리는 그냥 그랬는데 영상미는 괜찮았다. ", 30)) + "근데 너무 지루하고 돈 아까웠다 최악";
        var result = _analyzer.Analyze(text);
        var byRating = result.Rating < 4.5 ? SentimentLabels.Negative : result.Rating >= 8.5 ? SentimentLabels.Positive : SentimentLabels.Neutral;
        Assert.Equal(byRating, result.Label);
    }

    [Fact]
    public void At_least_80_percent_of_the_emoji_review_set_gets_its_polarity()
    {
        var set = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "emoji-reviews.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(f => (Expected: f[0], Text: f[1]))
            .ToList();
        Assert.True(set.Count >= 40);

        var results = _analyzer.AnalyzeBatch([.. set.Select(s => s.Text)]);
        var wrong = set.Zip(results).Where(p => p.First.Expected != p.Second.Label).Select(p => $"{p.First.Text} → {p.Second.Label}").ToList();
        var right = (double)(set.Count - wrong.Count) / set.Count;
        Assert.True(right >= 0.8, $"{right:P0} right; wrong: {string.Join(", ", wrong)}");
    }

    [Theory]
    [InlineData("😡😡😡", SentimentLabels.Negative)]
    [InlineData("👍👍👍", SentimentLabels.Positive)]
    [InlineData("💩", SentimentLabels.Negative)]
    [InlineData("😍", SentimentLabels.Positive)]
    public void Emoji_only_reviews_get_the_lexicons_polarity_and_a_rating_that_agrees(string text, string expected)
    {
        var result = _analyzer.Analyze(text);
        Assert.Equal(expected, result.Label);
        Assert.True(expected == SentimentLabels.Positive ? result.Rating >= 8.5 : result.Rating < 4.5, $"rating {result.Rating}");
    }

    [Fact]
    public void Emoji_pull_an_emoji_heavy_review_toward_their_polarity()
    {
        static double Lean(SentimentResult r) => r.Probabilities.Positive - r.Probabilities.Negative;
        var plain = _analyzer.Analyze("그냥 영화");
        var angry = _analyzer.Analyze("그냥 영화 😡😡😡");
        var happy = _analyzer.Analyze("그냥 영화 😍😍😍");
        Assert.True(Lean(angry) < Lean(plain), $"{angry} against {plain}");
        Assert.True(Lean(happy) > Lean(plain), $"{happy} against {plain}");
    }

    private double Accuracy(IReadOnlyList<(string Text, bool Positive)> reviews)
    {
        var results = _analyzer.AnalyzeBatch([.. reviews.Select(r => r.Text)]);
        return (double)reviews.Zip(results).Count(p => p.First.Positive == DevSample.SaysPositive(p.Second)) / reviews.Count;
    }
}
