using System.Text;
using System.Text.Json;
using MovieGpt.Cli.Prediction;
using MovieGpt.Cli.Tests.Support;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Tests.Prediction;

/// <summary>predict with the shipped model: the streamed answers are the engine's own answers, line for line.</summary>
public sealed class ShippedModelPredictionTests(ShippedModel model) : IClassFixture<ShippedModel>
{
    private static readonly string[] Reviews =
    [
        "진짜 최고의 영화 ㅠㅠ 두 번 봤어요",
        "시간 아깝다 돈 아깝다 최악",
        "그냥 그럭저럭 볼만함",
        "",
        "배우들 연기 미쳤다ㅋㅋㅋ 👍👍",
        "스토리가 너무 뻔해서 졸았음...",
    ];

    [Fact]
    public void Fifty_thousand_reviews_are_answered_in_order_with_the_engines_own_results()
    {
        const int lines = 50_000;
        var input = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            input.Append(Reviews[i % Reviews.Length]).Append('\n');
        }
        var expected = Reviews.Select(text => text.Length == 0 ? null : model.Analyzer.Analyze(text)).ToArray();
        var output = new StringWriter();

        var answered = new PredictionStream(model.Analyzer, new StringReader(input.ToString()), output).Run();

        var answers = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines, answered);
        Assert.Equal(lines, answers.Length);
        for (var i = 0; i < lines; i++)
        {
            var json = JsonDocument.Parse(answers[i]).RootElement;
            if (expected[i % Reviews.Length] is { } result)
            {
                AssertSameAnswer(result, json);
            }
            else
            {
                Assert.Equal(i + 1, json.GetProperty("line").GetInt64());
            }
        }
    }

    // Batched and single calls may round the last digit differently; the answer itself must be the same.
    private static void AssertSameAnswer(SentimentResult expected, JsonElement actual)
    {
        Assert.Equal(expected.Label, actual.GetProperty("label").GetString());
        Assert.Equal(expected.Rating, actual.GetProperty("rating").GetDouble(), tolerance: 0.1);
        var probabilities = actual.GetProperty("probabilities");
        Assert.Equal(expected.Probabilities.Negative, probabilities.GetProperty("negative").GetDouble(), tolerance: 1e-3);
        Assert.Equal(expected.Probabilities.Neutral, probabilities.GetProperty("neutral").GetDouble(), tolerance: 1e-3);
        Assert.Equal(expected.Probabilities.Positive, probabilities.GetProperty("positive").GetDouble(), tolerance: 1e-3);
    }
}
