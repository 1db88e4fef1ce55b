using MovieGpt.Sentiment.Onnx;

namespace MovieGpt.Sentiment.Tests.Onnx;

/// <summary>The model in models/ as the service loads it by default; one instance for the whole class.</summary>
public sealed class ShippedModelFixture : IDisposable
{
    public ISentimentAnalyzer Analyzer { get; } = SentimentModelLoader.Load(new SentimentOptions());

    public void Dispose() => Analyzer.Dispose();
}

public class ShippedModelTests(ShippedModelFixture fixture) : IClassFixture<ShippedModelFixture>
{
    private readonly ISentimentAnalyzer _analyzer = fixture.Analyzer;

    [Fact]
    public void DefaultOptionsLoadTheShippedOnnxModel()
    {
        Assert.Equal("moviegpt-onnx", _analyzer.Model.Kind);
        Assert.EndsWith(".onnx", _analyzer.Model.File);
        Assert.True(new FileInfo(_analyzer.Model.File).Length < 25_000_000, "the shipped model must stay under 25 MB");
    }

    /// <summary>A regression guard on a fixed balanced sample of dev (tests/data), not the published bar.</summary>
    [Fact]
    public void ScoresTheFixedDevSampleAbove87PercentBinaryAccuracy()
    {
        var sample = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "dev-sample-2000.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(f => (Text: f[5], Positive: int.Parse(f[2]) >= 9))
            .ToList();
        Assert.Equal(2_000, sample.Count);

        var results = _analyzer.AnalyzeBatch([.. sample.Select(s => s.Text)]);
        var correct = sample.Zip(results).Count(pair =>
            pair.First.Positive == (pair.Second.Probabilities.Positive > pair.Second.Probabilities.Negative));
        var accuracy = (double)correct / sample.Count;
        Assert.True(accuracy > 0.87, $"binary accuracy on the fixed dev sample was {accuracy:P2}");
    }

    [Theory]
    [InlineData("정말 재미있고 감동적인 최고의 영화였어요 ㅠㅠ 강추", SentimentLabels.Positive)]
    [InlineData("시간 낭비 돈 아깝다 최악의 영화 ㅡㅡ", SentimentLabels.Negative)]
    public void ClearReviewsGetTheirObviousLabel(string text, string expected)
    {
        var result = _analyzer.Analyze(text);
        Assert.Equal(expected, result.Label);
        Assert.InRange(result.Score, 0.34, 1.0);
    }

    [Fact]
    public void ProbabilitiesSumToOneAndTheScoreIsTheLabelsProbability()
    {
        var result = _analyzer.Analyze("배우들 연기는 좋았는데 스토리가 좀 아쉽네요");
        var p = result.Probabilities;
        Assert.Equal(1.0, p.Negative + p.Neutral + p.Positive, 3);
        var byLabel = new Dictionary<string, double>
        {
            [SentimentLabels.Negative] = p.Negative,
            [SentimentLabels.Neutral] = p.Neutral,
            [SentimentLabels.Positive] = p.Positive,
        };
        Assert.Equal(byLabel.Values.Max(), result.Score, 4);
        Assert.Equal(result.Score, byLabel[result.Label], 4);
        Assert.InRange(result.Rating, 1.0, 10.0);
        Assert.Equal(Math.Round(result.Rating, 1), result.Rating);
    }

    [Fact]
    public void BatchAnswersMatchSingleAnswersInOrder()
    {
        string[] texts = [.. Enumerable.Range(0, 600).Select(i => i % 2 == 0 ? $"최고의 영화 {i}" : $"재미없다 최악 {i}")];
        var batch = _analyzer.AnalyzeBatch(texts);
        Assert.Equal(texts.Length, batch.Count);
        for (var i = 0; i < texts.Length; i += 37)
        {
            Assert.Equal(_analyzer.Analyze(texts[i]), batch[i]);
        }
    }

    [Fact]
    public void ConcurrentCallsGiveTheSameAnswers()
    {
        var expected = _analyzer.Analyze("연출이 훌륭하다");
        var answers = new SentimentResult[64];
        Parallel.For(0, answers.Length, i => answers[i] = _analyzer.Analyze("연출이 훌륭하다"));
        Assert.All(answers, a => Assert.Equal(expected, a));
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    public void EmptyTextIsAnArgumentErrorNotAGuess(string text)
    {
        Assert.Throws<ArgumentException>(() => _analyzer.Analyze(text));
        Assert.Throws<ArgumentException>(() => _analyzer.AnalyzeBatch(["좋아요", text]));
    }

    [Fact]
    public void TenThousandCharacterReviewIsScored()
    {
        var text = string.Concat(Enumerable.Repeat("지루하고 재미없다. ", 1_000));
        Assert.True(text.Length >= 10_000);
        Assert.Equal(SentimentLabels.Negative, _analyzer.Analyze(text).Label);
    }

    [Fact]
    public void EmojiOnlyAndMixedScriptReviewsAreScored()
    {
        Assert.Contains(_analyzer.Analyze("😍😍👍").Label, SentimentLabels.All);
        Assert.Contains(_analyzer.Analyze("Marvel 映畫 최고 ㅋㅋㅋㅋㅋ").Label, SentimentLabels.All);
    }

    [Fact]
    public void ManifestRecordsTrainingDataAndDevMetrics()
    {
        var manifest = ModelManifest.Read(_analyzer.Model.Directory);
        Assert.Equal(ModelManifest.CurrentFormatVersion, manifest.FormatVersion);
        Assert.Equal(64, manifest.Training!.DataSha256.Length);
        Assert.Contains("int8", manifest.Metrics!.Keys);
        Assert.Contains("fp32", manifest.Metrics!.Keys);
    }
}
