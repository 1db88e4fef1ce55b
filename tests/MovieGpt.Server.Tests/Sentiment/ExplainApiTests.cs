using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Sentiment;

/// <summary>POST /api/sentiment/explain: the usual answer, each word's contribution and each sentence's verdict.</summary>
public abstract class ExplainApiTests(ServerFixture server)
{
    private const string Mixed = "배우들 연기는 정말 최고였어요. 근데 스토리는 최악이고 돈 아까운 시간 낭비였어요.";

    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task AnExplanationCarriesTheResultWordsWithTheirContributionAndSentences()
    {
        var response = await _client.PostAsJsonAsync("/api/sentiment/explain", new { text = Mixed });

        var explained = await response.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((string?)explained["label"], new[] { "negative", "neutral", "positive" });
        Assert.InRange((double)explained["rating"]!, 1, 10);
        var tokens = explained["tokens"]!.AsArray();
        Assert.Equal(Mixed.Split(' ').Length, tokens.Count);
        foreach (var token in tokens)
        {
            // Offsets point at the word in the text as sent.
            Assert.Equal((string?)token!["text"], Mixed.Substring((int)token["start"]!, (int)token["length"]!));
        }
        Assert.True(Contribution(tokens, "최고였어요.") > 0, "최고 should push towards positive");
        Assert.True(Contribution(tokens, "최악이고") < 0, "최악 should push towards negative");
        var sentences = explained["sentences"]!.AsArray();
        Assert.Equal(2, sentences.Count);
        Assert.Equal("positive", (string?)sentences[0]!["label"]);
        Assert.Equal("negative", (string?)sentences[1]!["label"]);
        Assert.True((bool)explained["mixed"]!);
    }

    [RequirementTheory]
    [InlineData("{\"text\": \"\"}")]
    [InlineData("{\"text\": \"좋아요\\u0000\"}")]
    [InlineData("{\"text\": \"\\u200b\\u200b\\u200b\"}")]
    public async Task TextThatCannotBeExplainedAnswers422NamingIt(string body)
    {
        var response = await _client.PostAsync("/api/sentiment/explain", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["text"], await response.ReadInvalidFieldsAsync());
    }

    private static double Contribution(JsonArray tokens, string word) =>
        (double)tokens.Single(t => (string?)t!["text"] == word)!["contribution"]!;
}

public sealed class SqliteExplainApiTests(SqliteServerFixture server) : ExplainApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresExplainApiTests(PostgresServerFixture server) : ExplainApiTests(server), IClassFixture<PostgresServerFixture>;
