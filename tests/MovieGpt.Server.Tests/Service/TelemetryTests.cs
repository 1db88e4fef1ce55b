using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Testing;

namespace MovieGpt.Server.Tests.Service;

/// <summary>Prometheus metrics at /metrics, and the liveness and readiness probes beside /health.</summary>
public abstract class TelemetryTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task MetricsShowTheReviewPathTheHttpServerAndTheRuntime()
    {
        var movie = await _client.CreateMovieAsync($"지표 {Guid.NewGuid():N}");
        await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        var response = await _client.GetAsync("/metrics");
        var metrics = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Matches("""moviegpt_reviews_stored_total\{[^}]*label="positive"[^}]*\} [1-9]""", metrics);
        Assert.Contains("moviegpt_engine_batch_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("moviegpt_writer_batch_size_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("moviegpt_writer_queue_depth", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", metrics, StringComparison.Ordinal);
    }

    [RequirementTheory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task TheProbesAnswer200WhenAllIsWell(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(path)).StatusCode);
}

public sealed class SqliteTelemetryTests(SqliteServerFixture server) : TelemetryTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresTelemetryTests(PostgresServerFixture server) : TelemetryTests(server), IClassFixture<PostgresServerFixture>;
