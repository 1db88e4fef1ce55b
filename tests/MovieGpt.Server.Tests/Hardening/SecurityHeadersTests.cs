using System.Text.RegularExpressions;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Hardening;

/// <summary>Security headers on every answer (API, page, static file, error) and CORS closed unless origins are listed.</summary>
public abstract partial class SecurityHeadersTests(ServerFixture server)
{
    [RequirementTheory]
    [InlineData("/api")]
    [InlineData("/api/movies/")]
    [InlineData("/api/movies/999999")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task ApiAnswersAndTheirErrorsCarryTheSecurityHeaders(string path)
    {
        var response = await server.Client.GetAsync(path);

        AssertCommonHeaders(response);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Csp(response));
    }

    [RequirementFact]
    public async Task MalformedJsonAnswerCarriesTheSecurityHeaders()
    {
        var response = await server.Client.PostAsync("/api/reviews/", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        AssertCommonHeaders(response);
    }

    [RequirementFact]
    public async Task APageAllowsOnlyItsOwnScriptsAndTheNoncedImportMap()
    {
        var response = await GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        var csp = Csp(response);
        var nonce = NonceInPolicy().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("unsafe-inline' 'nonce", csp);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        var html = await response.Content.ReadAsStringAsync();
        // Every inline script carries this answer's nonce; every other script is a file of the app.
        foreach (Match script in ScriptTag().Matches(html))
        {
            var tag = script.Value;
            Assert.True(tag.Contains("src=\"", StringComparison.Ordinal) || tag.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal), tag);
        }
        Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
        // A fresh nonce per answer.
        Assert.NotEqual(csp, Csp(await GetPageAsync("/")));
    }

    [RequirementFact]
    public async Task ThePageOfAnUnknownAddressAndStaticFilesCarryTheHeaders()
    {
        var missing = await GetPageAsync("/no-such-page");
        var script = await server.Client.GetAsync("/js/theme-init.js");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertCommonHeaders(missing);
        Assert.Contains("script-src 'self' 'nonce-", Csp(missing));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        AssertCommonHeaders(script);
    }

    [RequirementFact]
    public async Task SwaggerUiHasAPolicyOfItsOwnThatStillForbidsFraming()
    {
        var response = await server.Client.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Contains("frame-ancestors 'none'", Csp(response));
    }

    [RequirementFact]
    public async Task CorsIsClosedByDefault()
    {
        var response = await PreflightAsync(server.Client, "https://evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [RequirementFact]
    public async Task CorsAnswersOnlyTheListedOrigins()
    {
        await using var app = server.CreateVariant(_ => { }, new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = "https://friend.example",
        });
        using var client = app.CreateClient();

        var listed = await PreflightAsync(client, "https://friend.example");
        var unlisted = await PreflightAsync(client, "https://evil.example");
        var simple = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/movies/") { Headers = { { "Origin", "https://friend.example" } } });

        Assert.Equal("https://friend.example", Assert.Single(listed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(unlisted.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://friend.example", Assert.Single(simple.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private Task<HttpResponseMessage> GetPageAsync(string path) =>
        server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Accept", "text/html" } } });

    private static Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/reviews/")
        {
            Headers =
            {
                { "Origin", origin },
                { "Access-Control-Request-Method", "POST" },
                { "Access-Control-Request-Headers", "content-type" },
            },
        });

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("frame-ancestors 'none'", Csp(response));
    }

    private static string Csp(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}

public sealed class SqliteSecurityHeadersTests(SqliteServerFixture server) : SecurityHeadersTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresSecurityHeadersTests(PostgresServerFixture server) : SecurityHeadersTests(server), IClassFixture<PostgresServerFixture>;
