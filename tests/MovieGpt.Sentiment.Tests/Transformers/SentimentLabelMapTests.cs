using System.Text.Json;
using MovieGpt.Sentiment.Transformers;

namespace MovieGpt.Sentiment.Tests.Transformers;

/// <summary>id2label parsing and the documented logits → result rule (neutral threshold, rating).</summary>
public sealed class SentimentLabelMapTests
{
    private const string ConfigFile = "/models/x/config.json";

    private static SentimentLabelMap Map(string configJson)
    {
        using var document = JsonDocument.Parse(configJson);
        return SentimentLabelMap.FromConfig(document.RootElement.Clone(), ConfigFile);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void WithoutId2LabelLabel0IsNegativeAndLabel1Positive()
    {
        Assert.Equal([SentimentLabels.Negative, SentimentLabels.Positive], Map("""{ "model_type": "electra" }""").Labels);
    }

    [Theory]
    [InlineData("""{ "0": "LABEL_0", "1": "LABEL_1" }""", "negative,positive")]
    [InlineData("""{ "0": "Positive", "1": "NEGATIVE" }""", "positive,negative")]
    [InlineData("""{ "1": "긍정", "0": "부정" }""", "negative,positive")]
    [InlineData("""{ "0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2" }""", "negative,neutral,positive")]
    [InlineData("""{ "0": "neg", "1": "neu", "2": "pos" }""", "negative,neutral,positive")]
    public void Id2LabelNamesAreMappedCaseInsensitively(string id2label, string expected)
    {
        Assert.Equal(expected.Split(','), Map($$"""{ "id2label": {{id2label}} }""").Labels);
    }

    [Theory]
    [InlineData("""{ "0": "happy", "1": "sad" }""", "happy")]
    [InlineData("""{ "0": "negative", "1": "negative" }""", "once each")]
    [InlineData("""{ "0": "negative", "2": "positive" }""", "ids 0…1")]
    [InlineData("""{ "0": "negative", "1": "neutral" }""", "once each")]
    [InlineData("""{ "0": "1 star", "1": "2 stars", "2": "3 stars", "3": "4 stars", "4": "5 stars" }""", "5 labels")]
    [InlineData("""[ "negative", "positive" ]""", "not an object")]
    public void AnUnusableId2LabelIsRefusedNamingConfigJson(string id2label, string problem)
    {
        var error = Assert.Throws<SentimentModelException>(() => Map($$"""{ "id2label": {{id2label}} }"""));
        Assert.Contains(ConfigFile, error.Message);
        Assert.Contains("id2label is unusable", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void ThreeOutputsWithoutId2LabelAreRefused()
    {
        var error = Assert.Throws<SentimentModelException>(() => Map("""{ "num_labels": 3 }"""));
        Assert.Contains("num_labels is 3", error.Message);
    }

    [Fact]
    public void AConfidentBinaryAnswerKeepsTheModelsProbabilitiesAndNoNeutral()
    {
        var result = Map("{}").Decode([0f, 2f], neutralThreshold: 0.6);

        var positive = Sigmoid(2);
        Assert.Equal(SentimentLabels.Positive, result.Label);
        Assert.Equal(Math.Round(positive, 4), result.Score);
        Assert.Equal(new SentimentProbabilities(Math.Round(1 - positive, 4), 0, Math.Round(positive, 4)), result.Probabilities);
    }

    [Fact]
    public void BelowTheThresholdABinaryAnswerIsNeutralWithTheThresholdAsNeutralWeight()
    {
        const double threshold = 0.6;
        var result = Map("{}").Decode([0.2f, 0f], threshold);

        var negative = Sigmoid(0.2);
        Assert.True(negative < threshold);
        Assert.Equal(SentimentLabels.Neutral, result.Label);
        Assert.Equal(Math.Round(threshold / (1 + threshold), 4), result.Score);
        var p = result.Probabilities;
        Assert.Equal(Math.Round(negative / (1 + threshold), 4), p.Negative);
        Assert.Equal(Math.Round((1 - negative) / (1 + threshold), 4), p.Positive);
        Assert.Equal(1.0, p.Negative + p.Neutral + p.Positive, precision: 3);
    }

    [Theory]
    [InlineData(0.9, 2.0, SentimentLabels.Neutral)]   // P = 0.881 < 0.9
    [InlineData(0.85, 2.0, SentimentLabels.Positive)] // P = 0.881 ≥ 0.85
    [InlineData(0.5, 0.01, SentimentLabels.Positive)]
    public void TheNeutralThresholdDecidesExactlyWhenABinaryModelIsNeutral(double threshold, double margin, string expected)
    {
        Assert.Equal(expected, Map("{}").Decode([0f, (float)margin], threshold).Label);
    }

    [Fact]
    public void TheRatingOfABinaryModelIsOnePlusNineTimesPPositive()
    {
        var map = Map("{}");
        Assert.Equal(Math.Round(1 + 9 * Sigmoid(1.5), 1), map.Decode([0f, 1.5f], 0.6).Rating);
        Assert.Equal(Math.Round(1 + 9 * Sigmoid(0.1), 1), map.Decode([0f, 0.1f], 0.6).Rating);
    }

    [Fact]
    public void AThreeClassModelAnswersNeutralItselfAndIgnoresTheThreshold()
    {
        var map = Map("""{ "id2label": { "0": "negative", "1": "neutral", "2": "positive" } }""");
        var result = map.Decode([0f, 1f, 0.5f], neutralThreshold: 0.99);

        var z = 1 + Math.E + Math.Exp(0.5);
        Assert.Equal(SentimentLabels.Neutral, result.Label);
        Assert.Equal(Math.Round(Math.E / z, 4), result.Score);
        Assert.Equal(Math.Round(1 + 9 * (Math.Exp(0.5) / z + Math.E / z / 2), 1), result.Rating);
    }

    [Fact]
    public void LogitsThatAreNotNumbersAreAModelError()
    {
        Assert.Throws<SentimentModelException>(() => Map("{}").Decode([float.NaN, float.NaN], 0.6));
    }
}
