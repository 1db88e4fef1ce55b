using MovieGpt.Sentiment.Explanations;
using MovieGpt.Sentiment.Tests.Onnx;

namespace MovieGpt.Sentiment.Tests.Explanations;

/// <summary>The explainer's bookkeeping, on an analyzer that counts its calls and scores by keyword.</summary>
public class SentimentExplainerTests
{
    [Fact]
    public void A_sixty_word_review_costs_one_batch_call_with_every_leave_one_out_variant()
    {
        using var analyzer = new KeywordAnalyzer();
        var text = string.Join(' ', Enumerable.Range(0, 60).Select(i => i == 30 ? "최고" : $"말{i}"));

        var explanation = new SentimentExplainer(analyzer).Explain(text);

        Assert.Equal(1, analyzer.BatchCalls);
        Assert.Equal(0, analyzer.SingleCalls);
        Assert.Equal(61, analyzer.RowsScored);   // the review and 60 variants; one sentence adds no row
        Assert.Equal(60, explanation.Tokens.Count);
        Assert.True(explanation.Tokens[30].Contribution > 0.5);
        Assert.All(explanation.Tokens.Where((_, i) => i != 30), t => Assert.Equal(0, t.Contribution));
    }

    [Fact]
    public void Many_reviews_share_one_call_and_keep_their_order()
    {
        using var analyzer = new KeywordAnalyzer();
        string[] texts = ["최고 영화", "최악 영화", "그냥 그래요"];
        var explanations = new SentimentExplainer(analyzer).ExplainBatch(texts);

        Assert.Equal(1, analyzer.BatchCalls);
        Assert.Equal([SentimentLabels.Positive, SentimentLabels.Negative, SentimentLabels.Neutral], explanations.Select(e => e.Result.Label));
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        using var analyzer = new KeywordAnalyzer();
        const string text = "  배우는  최고.\t근데 결말은 최악 ";
        var explanation = new SentimentExplainer(analyzer).Explain(text);

        Assert.Equal(["배우는", "최고.", "근데", "결말은", "최악"], explanation.Tokens.Select(t => t.Text));
        Assert.All(explanation.Tokens, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Length)));
        Assert.Equal(["배우는  최고.", "근데 결말은 최악"], explanation.Sentences.Select(s => s.Text));
        Assert.All(explanation.Sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Sentences_that_disagree_strongly_make_the_review_mixed()
    {
        using var analyzer = new KeywordAnalyzer();
        var explainer = new SentimentExplainer(analyzer);

        var mixed = explainer.Explain("배우는 최고. 결말은 최악.");
        Assert.True(mixed.Mixed);
        Assert.Equal([SentimentLabels.Positive, SentimentLabels.Negative], mixed.Sentences.Select(s => s.Result.Label));
        Assert.False(explainer.Explain("배우는 최고. 음악도 최고.").Mixed);
        Assert.False(explainer.Explain("배우는 최고 결말은 최악").Mixed);   // one sentence: nothing to disagree with
    }

    [Fact]
    public void Words_past_the_cap_get_no_contribution()
    {
        using var analyzer = new KeywordAnalyzer();
        var text = string.Join(' ', Enumerable.Range(0, 10).Select(i => $"말{i}"));
        var explanation = new SentimentExplainer(analyzer, new ExplainerOptions { MaxWords = 4 }).Explain(text);

        Assert.Equal(5, analyzer.RowsScored);
        Assert.All(explanation.Tokens.Take(4), t => Assert.NotNull(t.Contribution));
        Assert.All(explanation.Tokens.Skip(4), t => Assert.Null(t.Contribution));
    }

    [Fact]
    public void A_one_word_review_gives_its_word_the_whole_lean()
    {
        using var analyzer = new KeywordAnalyzer();
        var explanation = new SentimentExplainer(analyzer).Explain("최악");
        Assert.Equal(1, analyzer.RowsScored);
        Assert.Equal(-1, explanation.Tokens.Single().Contribution);
    }

    [Fact]
    public void An_empty_review_is_an_argument_error()
    {
        using var analyzer = new KeywordAnalyzer();
        Assert.Throws<ArgumentException>(() => new SentimentExplainer(analyzer).ExplainBatch(["좋다", " "]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentimentExplainer(analyzer, new ExplainerOptions { MixedThreshold = 0.4 }));
    }

    /// <summary>Positive when a text has 최고, negative when it has 최악, neutral otherwise; counts its calls.</summary>
    private sealed class KeywordAnalyzer : ISentimentAnalyzer
    {
        private int _batchCalls;
        private int _singleCalls;
        private int _rows;

        public int BatchCalls => _batchCalls;

        public int SingleCalls => _singleCalls;

        public int RowsScored => _rows;

        public ModelInfo Model { get; } = new("keywords", "test", "", "");

        public SentimentResult Analyze(string text)
        {
            Interlocked.Increment(ref _singleCalls);
            return Score(text);
        }

        public IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts)
        {
            Interlocked.Increment(ref _batchCalls);
            Interlocked.Add(ref _rows, texts.Count);
            return [.. texts.Select(Score)];
        }

        public void Dispose()
        {
        }

        private static SentimentResult Score(string text)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(text);
            var (good, bad) = (text.Contains("최고"), text.Contains("최악"));
            return good == bad
                ? SentimentResult.FromProbabilities(0.1, 0.8, 0.1, 6)
                : good ? SentimentResult.FromProbabilities(0, 0, 1, 10) : SentimentResult.FromProbabilities(1, 0, 0, 1);
        }
    }
}

/// <summary>The explainer on the shipped model: contributions have the sign a reader expects.</summary>
public class ShippedModelExplanationTests(ShippedModelFixture fixture) : IClassFixture<ShippedModelFixture>
{
    private readonly SentimentExplainer _explainer = new(fixture.Analyzer);

    [Theory]
    [InlineData("배우들 연기는 최고 스토리는 최악", "최고", "최악")]
    [InlineData("재미있고 감동적인 영화 그런데 결말이 지루하다", "재미있고", "지루하다")]
    [InlineData("음악은 훌륭했지만 연출이 별로", "훌륭했지만", "별로")]
    public void Praise_contributes_positive_and_blame_negative(string text, string praise, string blame)
    {
        var tokens = _explainer.Explain(text).Tokens;
        Assert.True(tokens.Single(t => t.Text == praise).Contribution > 0, $"{praise}: {tokens.Single(t => t.Text == praise)}");
        Assert.True(tokens.Single(t => t.Text == blame).Contribution < 0, $"{blame}: {tokens.Single(t => t.Text == blame)}");
    }

    [Fact]
    public void A_review_that_praises_then_pans_is_mixed_and_its_result_is_the_engines()
    {
        const string text = "정말 재밌었다. 근데 결말은 최악이었다 ㅡㅡ 돈 아까움";
        var explanation = _explainer.Explain(text);
        Assert.True(explanation.Mixed);
        Assert.Equal(fixture.Analyzer.Analyze(text), explanation.Result);
        Assert.Equal(SentimentLabels.Positive, explanation.Sentences[0].Result.Label);
    }
}
