using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Sentiment;

/// <summary>/api/sentiment: the engine's full answer, nothing stored.</summary>
public abstract class SentimentApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private ISentimentAnalyzer Engine => server.Services.GetRequiredService<ISentimentAnalyzer>();

    [RequirementFact]
    public async Task ScoringATextAnswersTheEnginesFullResultAndStoresNothing()
    {
        var before = await server.ScalarAsync("SELECT COUNT(*) FROM reviews");
        var expected = Engine.Analyze(ReviewTexts.Positive);

        var result = await _client.PostAsJsonAsync("/api/sentiment", new { text = ReviewTexts.Positive });

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        AssertSameResult(expected, await result.ReadObjectAsync());
        Assert.Equal(before, await server.ScalarAsync("SELECT COUNT(*) FROM reviews"));
    }

    [RequirementTheory]
    [InlineData("{\"text\": \"\"}")]
    [InlineData("{\"text\": \"   \"}")]
    [InlineData("{}")]
    public async Task ScoringAnEmptyTextAnswers422(string body)
    {
        var response = await _client.PostAsync("/api/sentiment", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["text"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task ABatchAnswersEveryTextInOrder()
    {
        var expected = Engine.AnalyzeBatch(ReviewTexts.Mixed);

        var response = await _client.PostAsJsonAsync("/api/sentiment/batch", new { texts = ReviewTexts.Mixed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.ReadObjectAsync())["results"]!.AsArray();
        Assert.Equal(expected.Count, results.Count);
        foreach (var (want, got) in expected.Zip(results))
        {
            AssertSameResult(want, got!.AsObject());
        }
    }

    [RequirementFact]
    public async Task ABatchOfOneThousandTextsIsAcceptedAndOneMoreIsNot()
    {
        var thousand = Enumerable.Range(0, 1_000).Select(i => $"{ReviewTexts.Mixed[i % ReviewTexts.Mixed.Length]} {i}").ToArray();

        var accepted = await _client.PostAsJsonAsync("/api/sentiment/batch", new { texts = thousand });
        var rejected = await _client.PostAsJsonAsync("/api/sentiment/batch", new { texts = thousand.Append("하나 더").ToArray() });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1_000, (await accepted.ReadObjectAsync())["results"]!.AsArray().Count);
        Assert.Equal(["texts"], await rejected.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task AnEmptyBatchAnswers422()
    {
        var response = await _client.PostAsJsonAsync("/api/sentiment/batch", new { texts = Array.Empty<string>() });

        Assert.Equal(["texts"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task ABatchWithABlankTextAnswers422NamingIt()
    {
        var response = await _client.PostAsJsonAsync("/api/sentiment/batch", new { texts = new[] { ReviewTexts.Positive, "  " } });

        Assert.Equal(["texts[1]"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task MalformedJsonAnswers400ProblemDetails()
    {
        var response = await _client.PostAsync("/api/sentiment", new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    private static void AssertSameResult(SentimentResult expected, JsonObject actual)
    {
        Assert.Equal(expected.Label, (string?)actual["label"]);
        Assert.Equal(expected.Score, (double)actual["score"]!);
        Assert.Equal(expected.Rating, (double)actual["rating"]!);
        Assert.Equal(expected.Probabilities.Negative, (double)actual["probabilities"]!["negative"]!);
        Assert.Equal(expected.Probabilities.Neutral, (double)actual["probabilities"]!["neutral"]!);
        Assert.Equal(expected.Probabilities.Positive, (double)actual["probabilities"]!["positive"]!);
    }
}

public sealed class SqliteSentimentApiTests(SqliteServerFixture server) : SentimentApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresSentimentApiTests(PostgresServerFixture server) : SentimentApiTests(server), IClassFixture<PostgresServerFixture>;
