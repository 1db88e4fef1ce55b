using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Service;

/// <summary>GET /api, GET /health, the OpenAPI document and the Swagger UI.</summary>
public abstract class ServiceEndpointsTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task TheApiRootNamesTheServiceItsVersionAndItsDocs()
    {
        var root = await _client.GetObjectAsync("/api");

        Assert.Equal("MovieGpt", (string?)root["name"]);
        Assert.Matches(@"^\d+\.\d+", (string?)root["version"]);
        Assert.Equal("/docs", (string?)root["docs"]);
    }

    [RequirementFact]
    public async Task KoreanTextIsSentAsUtf8RatherThanEscapes()
    {
        var movie = await _client.CreateMovieAsync($"기생충 {Guid.NewGuid():N}");

        var body = await _client.GetStringAsync($"/api/movies/{movie.Id()}");

        Assert.Contains("\"title\":\"기생충", body);
    }

    [RequirementFact]
    public async Task HealthIs200WhenTheDatabaseAnswersAndTheModelIsLoaded()
    {
        var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [RequirementFact]
    public async Task HealthIs503WhenTheDatabaseDoesNotAnswer()
    {
        // The schema going away is the database failing as far as the service is concerned.
        await server.ExecuteAsync("ALTER TABLE movies RENAME TO movies_offline");
        try
        {
            var response = await _client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        finally
        {
            await server.ExecuteAsync("ALTER TABLE movies_offline RENAME TO movies");
        }
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health")).StatusCode);
    }

    [RequirementFact]
    public async Task TheOpenApiDocumentDescribesEveryEndpointInSnakeCase()
    {
        var document = await _client.GetObjectAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key.TrimEnd('/')).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "/api", "/api/movies", "/api/movies/{id}", "/api/movies/{id}/stats", "/api/reviews", "/api/reviews/{id}",
                "/api/reviews/movie/{movie_id}", "/api/reviews/movie/{movie_id}/rating", "/api/sentiment", "/api/sentiment/batch",
            },
            paths);
        var movie = document["components"]!["schemas"]!["MovieResponse"]!["properties"]!.AsObject();
        Assert.Contains("created_at", movie.Select(p => p.Key));
        Assert.Contains("average_score", movie.Select(p => p.Key));
        var rating = document["paths"]!.AsObject().First(p => p.Key.EndsWith("/rating")).Value!["get"]!;
        Assert.Contains("P(positive)", (string?)rating["description"]);
    }

    [RequirementFact]
    public async Task TheOpenApiDocumentShowsAnExampleOfEveryRequestBody()
    {
        var schemas = (await _client.GetObjectAsync("/openapi/v1.json"))["components"]!["schemas"]!;

        foreach (var name in new[] { "CreateMovieRequest", "CreateReviewRequest", "SentimentRequest", "SentimentBatchRequest" })
        {
            var example = schemas[name]!["examples"]!.AsArray()[0]!.AsObject();
            var properties = schemas[name]!["properties"]!.AsObject().Select(p => p.Key);
            Assert.All(example.Select(p => p.Key), key => Assert.Contains(key, properties));
        }
    }

    [RequirementFact]
    public async Task TheSwaggerUiIsServedAtDocs()
    {
        var response = await _client.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteServiceEndpointsTests(SqliteServerFixture server) : ServiceEndpointsTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresServiceEndpointsTests(PostgresServerFixture server) : ServiceEndpointsTests(server), IClassFixture<PostgresServerFixture>;
