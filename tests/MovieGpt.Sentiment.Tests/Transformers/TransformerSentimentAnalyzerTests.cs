using MovieGpt.Sentiment.Transformers;

namespace MovieGpt.Sentiment.Tests.Transformers;

/// <summary>The whole loader on the real tokenizer files and a tiny graph: text → ids → ONNX Runtime → result.</summary>
public sealed class TransformerSentimentAnalyzerTests : IDisposable
{
    private static readonly int Best = SharedTokenizer.Id("최고");
    private static readonly int Worst = SharedTokenizer.Id("최악의");
    private static readonly int Meh = SharedTokenizer.Id("별로");

    // Logit 0 is negative and logit 1 positive under the default labels.
    private static TinyClassifierGraph SentimentGraph(float positive = 3f) => new()
    {
        TokenScores = { [Best] = [0f, positive], [Worst] = [3f, 0f], [Meh] = [0.2f, 0f] },
        PaddingScores = [0f, 50f],
    };

    private readonly List<IDisposable> _owned = [];

    public void Dispose() => _owned.ForEach(d => d.Dispose());

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private ISentimentAnalyzer Load(TinyClassifierGraph graph, double neutralThreshold = 0.6) =>
        Own(Own(ExportFolder.WithRealTokenizer(graph)).Load(neutralThreshold));

    private static IReadOnlyList<string> DevReviews(int count) =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "dev-sample-2000.tsv"))
            .Skip(1).Select(line => line.Split('\t')[^1]).Where(t => !string.IsNullOrWhiteSpace(t)).Take(count)];

    [Fact]
    public void TheLoaderRecognizesAHuggingFaceExportByItsConfigJson()
    {
        var analyzer = Load(SentimentGraph());
        Assert.IsType<TransformerSentimentAnalyzer>(analyzer);
        Assert.Equal(TransformerSentimentAnalyzer.Kind, analyzer.Model.Kind);
        Assert.Equal("model_quantized.onnx", Path.GetFileName(analyzer.Model.File));
    }

    [Fact]
    public void APositiveTokenGivesAPositiveReviewWithTheGraphsProbability()
    {
        var result = Load(SentimentGraph()).Analyze("이 영화 최고");

        var positive = 1 / (1 + Math.Exp(-3));
        Assert.Equal(SentimentLabels.Positive, result.Label);
        Assert.Equal(Math.Round(positive, 4), result.Score);
        Assert.Equal(Math.Round(1 + 9 * positive, 1), result.Rating);
    }

    [Fact]
    public void ANegativeTokenGivesANegativeReview()
    {
        var result = Load(SentimentGraph()).Analyze("최악의 영화");
        Assert.Equal(SentimentLabels.Negative, result.Label);
        Assert.Equal(0, result.Probabilities.Neutral);
    }

    [Fact]
    public void Id2LabelDecidesWhichLogitIsWhichSentiment()
    {
        var folder = Own(ExportFolder.WithRealTokenizer(SentimentGraph()));
        folder.SetId2Label("POSITIVE", "NEGATIVE");

        var analyzer = Own(folder.Load());

        Assert.Equal(SentimentLabels.Negative, analyzer.Analyze("이 영화 최고").Label);
        Assert.Equal(SentimentLabels.Positive, analyzer.Analyze("최악의 영화").Label);
    }

    [Fact]
    public void AThreeClassGraphAnswersNeutralThroughId2Label()
    {
        var graph = new TinyClassifierGraph { Labels = 3, TokenScores = { [SharedTokenizer.Id("그냥")] = [0f, 3f, 0f] } };
        var folder = Own(ExportFolder.WithRealTokenizer(graph));
        folder.SetId2Label("negative", "neutral", "positive");

        var result = Own(folder.Load()).Analyze("그냥 그래요");

        Assert.Equal(SentimentLabels.Neutral, result.Label);
        Assert.Equal(Math.Round(Math.Exp(3) / (Math.Exp(3) + 2), 4), result.Score);
    }

    [Fact]
    public void AnUnsureBinaryAnswerBelowTheThresholdIsNeutral()
    {
        var analyzer = Load(SentimentGraph(), neutralThreshold: 0.6);

        var result = analyzer.Analyze("별로");

        Assert.Equal(SentimentLabels.Neutral, result.Label);
        Assert.Equal(Math.Round(0.6 / 1.6, 4), result.Score);
    }

    [Fact]
    public void ALowerThresholdLetsTheSameUnsureAnswerThrough()
    {
        Assert.Equal(SentimentLabels.Negative, Load(SentimentGraph(), neutralThreshold: 0.5).Analyze("별로").Label);
    }

    [Fact]
    public void ABatchAnswersExactlyWhatSingleCallsAnswerInInputOrder()
    {
        var analyzer = Load(SentimentGraph(positive: 0.7f));
        // Real reviews of many lengths (several chunks, sorted by length inside), one past 512 tokens, and
        // planted sentiment words so the answers differ from review to review.
        var reviews = DevReviews(90).Select((text, i) => (i % 3) switch
        {
            0 => text + " 최고",
            1 => "최악의 " + text,
            _ => text,
        }).Append(string.Concat(Enumerable.Repeat("최고 ", 700))).ToList();

        var batch = analyzer.AnalyzeBatch(reviews);

        Assert.Equal(reviews.Select(analyzer.Analyze), batch);
        Assert.Contains(batch, r => r.Label == SentimentLabels.Positive);
        Assert.Contains(batch, r => r.Label == SentimentLabels.Negative);
    }

    [Fact]
    public void PaddingIsMaskedSoAShortReviewScoresTheSameBesideALongOne()
    {
        var analyzer = Load(SentimentGraph());
        var alone = analyzer.Analyze("최악의 영화");
        var beside = analyzer.AnalyzeBatch(["최악의 영화", string.Concat(Enumerable.Repeat("이 영화 정말 재미있어요 ", 30))]);
        Assert.Equal(alone, beside[0]);
        Assert.Equal(SentimentLabels.Negative, beside[0].Label);
    }

    [Fact]
    public void ManyThreadsShareOneAnalyzer()
    {
        var analyzer = Load(SentimentGraph(positive: 0.7f));
        var reviews = DevReviews(64).Select((t, i) => i % 2 == 0 ? t + " 최고" : "최악의 " + t).ToArray();
        var expected = reviews.Select(analyzer.Analyze).ToArray();

        var answers = new SentimentResult[reviews.Length];
        Parallel.For(0, reviews.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => answers[i] = analyzer.Analyze(reviews[i]));

        Assert.Equal(expected, answers);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t")]
    public void AnEmptyReviewIsAnArgumentErrorNotANeutral(string text)
    {
        var analyzer = Load(SentimentGraph());
        Assert.Throws<ArgumentException>(() => analyzer.Analyze(text));
        Assert.Throws<ArgumentException>(() => analyzer.AnalyzeBatch(["최고", text]));
    }

    [Fact]
    public void TheQuantizedGraphIsPreferredWhenBothAreThere()
    {
        var folder = Own(ExportFolder.WithRealTokenizer(SentimentGraph()));
        var reversed = new TinyClassifierGraph { TokenScores = { [Best] = [3f, 0f] } };
        folder.Write("model.onnx", reversed.ToBytes());

        var analyzer = Own(folder.Load());

        Assert.Equal("model_quantized.onnx", Path.GetFileName(analyzer.Model.File));
        Assert.Equal(SentimentLabels.Positive, analyzer.Analyze("최고").Label);
    }

    [Fact]
    public void AnFp32OnlyExportLoadsModelOnnx()
    {
        var folder = Own(ExportFolder.WithRealTokenizer(SentimentGraph(), modelFile: "model.onnx"));
        var analyzer = Own(folder.Load());
        Assert.Equal("model.onnx", Path.GetFileName(analyzer.Model.File));
        Assert.Equal(SentimentLabels.Positive, analyzer.Analyze("최고").Label);
    }

    [Fact]
    public void AGraphWithoutTokenTypeIdsIsFedOnlyIdsAndMask()
    {
        var graph = new TinyClassifierGraph { InputNames = ["input_ids", "attention_mask"], TokenScores = { [Best] = [0f, 3f] } };
        var result = Load(graph).Analyze("최고");
        Assert.Equal(SentimentLabels.Positive, result.Label);
    }
}
