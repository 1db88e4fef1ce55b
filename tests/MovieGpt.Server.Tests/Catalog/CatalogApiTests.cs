using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Testing.Tmdb;

namespace MovieGpt.Server.Tests.Catalog;

/// <summary>
/// /api/catalog and POST /api/movies/from-catalog/{id} through the real pipeline against the fake TMDB, on each database:
/// what is asked of TMDB, what is answered, what is stored, and each way TMDB can fail.
/// </summary>
public abstract class CatalogApiTests(CatalogFixture catalog)
{
    private readonly HttpClient _client = catalog.Client;
    private readonly FakeTmdb _tmdb = catalog.Tmdb;

    // A made-up movie no other test of this fixture asks for (so the cache has not seen it).
    private static int FreshId() => Random.Shared.Next(FakeTmdbMovies.GeneratedFrom, FakeTmdbMovies.GeneratedTo);

    private static int Misbehaving(FakeTmdbMisbehaviour how) => FakeTmdbMovies.Misbehaving[how].Id;

    private static string MisbehavingQuery(FakeTmdbMisbehaviour how) => Uri.EscapeDataString(FakeTmdbMovies.Misbehaving[how].Query);

    private Task<long> StoredAsync(int id) => catalog.Server.ScalarAsync($"SELECT COUNT(*) FROM movies WHERE external_id = 'tmdb:{id}'");

    [RequirementFact]
    public async Task SearchAnswersAtMostTenHitsWithKoreanTitlesYearsAndPosters()
    {
        var hits = await _client.GetArrayAsync($"/api/catalog/search?query={FakeTmdbMovies.SeriesQuery}");

        Assert.Equal(10, hits.Count);
        var first = hits[0]!.AsObject();
        Assert.Equal(["id", "title", "original_title", "year", "poster_url", "overview"], first.Select(p => p.Key));
        Assert.Equal(8_000_001, first.Id());
        Assert.Equal("연작 영화 1", (string?)first["title"]);
        Assert.Equal("Series Film 1", (string?)first["original_title"]);
        Assert.Equal(2001, (int?)first["year"]);
        Assert.Equal($"{_tmdb.ImageBaseUrl}/series-1.jpg", (string?)first["poster_url"]);
        Assert.Equal("연작의 1번째 이야기.", (string?)first["overview"]);
    }

    [RequirementFact]
    public async Task SearchFallsBackToTheOriginalTitleWhereTmdbHasNoKoreanOne()
    {
        var hit = Assert.Single(await _client.GetArrayAsync("/api/catalog/search?query=Sans%20Titre"))!;

        Assert.Equal("Le Film Sans Titre", (string?)hit["title"]);
        Assert.Null(hit["poster_url"]);
        Assert.Null(hit["overview"]);
    }

    [RequirementFact]
    public async Task AV3KeyIsSentAsTheApiKeyParameterInKorean()
    {
        var query = $"올드보이 {Guid.NewGuid():N}"[..12];

        await _client.GetArrayAsync($"/api/catalog/search?query={Uri.EscapeDataString(query)}");

        var request = Assert.Single(_tmdb.Requests, r => r.Query == query);
        Assert.Equal(("search/movie", "ko-KR", FakeTmdb.V3Key, (string?)null), (request.Path, request.Language, request.ApiKey, request.BearerToken));
    }

    [RequirementFact]
    public async Task AV4TokenIsSentAsABearerTokenAndNotInTheQuery()
    {
        var id = FreshId();

        var record = await catalog.Bearer.GetObjectAsync($"/api/catalog/{id}");

        Assert.Equal($"생성된 영화 {id}", (string?)record["title"]);
        var request = Assert.Single(_tmdb.Requests, r => r.Path == $"movie/{id}");
        Assert.Equal((FakeTmdb.V4Token, (string?)null, "ko-KR"), (request.BearerToken, request.ApiKey, request.Language));
    }

    [RequirementFact]
    public async Task ARecordHasTheDirectorTheTopTenCastGenresCountriesRuntimeAndPlot()
    {
        var record = await _client.GetObjectAsync($"/api/catalog/{FakeTmdbMovies.Parasite}");

        Assert.Equal("tmdb:496243", (string?)record["external_id"]);
        Assert.Equal("기생충", (string?)record["title"]);
        Assert.Equal("2019-05-30", (string?)record["release_date"]);
        Assert.Equal(2019, (int?)record["year"]);
        Assert.Equal("봉준호", (string?)record["director"]);
        Assert.Equal(["송강호", "이선균", "조여정", "최우식", "박소담", "이정은", "장혜진", "박명훈", "정현준", "정지소"],
            record["actors"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["코미디", "스릴러", "드라마"], record["genres"]!.AsArray().Select(g => (string?)g));
        Assert.Equal(["대한민국"], record["countries"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(132, (int?)record["runtime_minutes"]);
        Assert.StartsWith("전원 백수로", (string?)record["plot_summary"]);
        Assert.Equal($"{_tmdb.ImageBaseUrl}/parasite.jpg", (string?)record["poster_url"]);
        Assert.Contains(_tmdb.Requests, r => r.Path == $"movie/{FakeTmdbMovies.Parasite}" && r.AppendToResponse == "credits");
    }

    [RequirementFact]
    public async Task AddingFromTheCatalogAnswers201WithTheStoredMovie()
    {
        var id = FreshId();

        var response = await _client.PostAsync($"/api/movies/from-catalog/{id}", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var movie = await response.ReadObjectAsync();
        Assert.Equal($"/api/movies/{movie.Id()}", response.Headers.Location?.OriginalString);
        var stored = await _client.GetObjectAsync($"/api/movies/{movie.Id()}");
        Assert.Equal($"생성된 영화 {id}", (string?)stored["title"]);
        Assert.Equal($"Generated Film {id}", (string?)stored["original_title"]);
        Assert.Equal("박감독", (string?)stored["director"]);
        Assert.Equal("드라마, 로맨스", (string?)stored["genre"]);
        Assert.Equal(["김배우", "이배우"], stored["actors"]!.AsArray().Select(a => (string?)a));
        // In Korean where we list the country, else as TMDB names it.
        Assert.Equal(["대한민국", "일본", "Bhutan"], stored["countries"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(110, (int?)stored["runtime_minutes"]);
        Assert.Equal($"tmdb:{id}", (string?)stored["external_id"]);
        Assert.Equal($"{_tmdb.ImageBaseUrl}/generated-{id}.jpg", (string?)stored["poster_url"]);
        Assert.Equal(movie.Id(), (int?)(await _client.GetObjectAsync($"/api/catalog/{id}"))["movie_id"]);
    }

    [RequirementFact]
    public async Task AddingARegisteredRecordAgainAnswers409WithTheMovieId()
    {
        var id = FreshId();
        var first = await (await _client.PostAsync($"/api/movies/from-catalog/{id}", null)).ReadObjectAsync();

        var again = await _client.PostAsync($"/api/movies/from-catalog/{id}", null);

        var problem = await again.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Id(), (int)problem["movie_id"]!);
        Assert.Equal(1, await StoredAsync(id));
    }

    [RequirementFact]
    public async Task AnAddRetriedWithTheSameIdempotencyKeyAnswersTheSame201()
    {
        var id = FreshId();
        var key = Guid.NewGuid().ToString();

        var first = await AddWithKeyAsync(id, key);
        var retried = await AddWithKeyAsync(id, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Equal(1, await StoredAsync(id));
    }

    private Task<HttpResponseMessage> AddWithKeyAsync(int id, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/movies/from-catalog/{id}");
        request.Headers.Add("Idempotency-Key", key);
        return _client.SendAsync(request);
    }

    [RequirementFact]
    public async Task ConcurrentAddsOfOneRecordStoreOneMovieAndAnswer409ToTheRest()
    {
        var id = FreshId();
        // Two apps on one database: the in-process check cannot see the other's insert, only the unique index can.
        var clients = new[] { _client, catalog.Bearer };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => clients[i % 2].PostAsync($"/api/movies/from-catalog/{id}", null)));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var movieId = (await created.ReadObjectAsync()).Id();
        foreach (var response in responses.Where(r => r != created))
        {
            Assert.Equal(movieId, (int)(await response.ReadProblemAsync(HttpStatusCode.Conflict))["movie_id"]!);
        }
        Assert.Equal(1, await StoredAsync(id));
    }

    [RequirementFact]
    public async Task ASecondLookupIsAnsweredFromTheCache()
    {
        var id = FreshId();

        var first = await _client.GetObjectAsync($"/api/catalog/{id}");
        var second = await _client.GetObjectAsync($"/api/catalog/{id}");
        await _client.GetArrayAsync($"/api/catalog/search?query={Uri.EscapeDataString($"생성된 영화 {id}")}");
        var hits = await _client.GetArrayAsync($"/api/catalog/search?query={Uri.EscapeDataString($"  생성된 영화 {id} ")}");

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(1, _tmdb.Count($"movie/{id}"));
        Assert.Equal(id, Assert.Single(hits)!.Id());
        Assert.Single(_tmdb.Requests, r => r.Query == $"생성된 영화 {id}");
    }

    [RequirementFact]
    public async Task ConcurrentLookupsOfOneRecordShareOneCallToTmdb()
    {
        var id = FreshId();
        Task<JsonObject>[] lookups;
        using (_tmdb.Hold(id))
        {
            lookups = [.. Enumerable.Range(0, 6).Select(_ => _client.GetObjectAsync($"/api/catalog/{id}"))];
            for (var waited = 0; _tmdb.Count($"movie/{id}") == 0; waited += 20)
            {
                Assert.True(waited < 30_000, "no lookup reached TMDB");
                await Task.Delay(20);
            }
            // The other lookups arrive meanwhile (any that come after the answer are served from the cache anyway).
            await Task.Delay(500);
        }
        var answers = await Task.WhenAll(lookups);

        Assert.Equal(1, _tmdb.Count($"movie/{id}"));
        Assert.All(answers, answer => Assert.Equal(answers[0].ToJsonString(), answer.ToJsonString()));
    }

    [RequirementFact]
    public async Task WithoutAKeyEveryCatalogCallAnswers503NamingTheSetting()
    {
        var before = await catalog.Server.ScalarAsync("SELECT COUNT(*) FROM movies");

        foreach (var response in new[]
        {
            await catalog.NoKey.GetAsync("/api/catalog/search?query=기생충"),
            await catalog.NoKey.GetAsync($"/api/catalog/{FakeTmdbMovies.Parasite}"),
            await catalog.NoKey.PostAsync($"/api/movies/from-catalog/{FakeTmdbMovies.Parasite}", null),
        })
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("Tmdb:ApiKey", (string?)problem["detail"]);
            Assert.Equal("Tmdb:ApiKey", (string?)problem["setting"]);
        }
        Assert.Equal(before, await catalog.Server.ScalarAsync("SELECT COUNT(*) FROM movies"));
    }

    [RequirementFact]
    public async Task AnIdTmdbDoesNotKnowAnswers404AndStoresNothing()
    {
        const int unknown = 123;

        await (await _client.GetAsync($"/api/catalog/{unknown}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostAsync($"/api/movies/from-catalog/{unknown}", null)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, await StoredAsync(unknown));
    }

    [RequirementFact]
    public async Task AKeyTmdbRefusesAnswers502NamingTheKey()
    {
        var id = FreshId();

        foreach (var response in new[]
        {
            await catalog.BadKey.GetAsync("/api/catalog/search?query=기생충"),
            await catalog.BadKey.GetAsync($"/api/catalog/{id}"),
            await catalog.BadKey.PostAsync($"/api/movies/from-catalog/{id}", null),
        })
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.BadGateway);
            Assert.Contains("Tmdb:ApiKey", (string?)problem["detail"]);
            Assert.Contains("status_code 7", (string?)problem["detail"]);
        }
        Assert.Equal(0, await StoredAsync(id));
    }

    [RequirementFact]
    public async Task AnAnswerPastTheTimeoutAnswers504AndStoresNothing()
    {
        var id = Misbehaving(FakeTmdbMisbehaviour.Slow);

        await (await catalog.Impatient.GetAsync($"/api/catalog/search?query={MisbehavingQuery(FakeTmdbMisbehaviour.Slow)}")).ReadProblemAsync(HttpStatusCode.GatewayTimeout);
        await (await catalog.Impatient.GetAsync($"/api/catalog/{id}")).ReadProblemAsync(HttpStatusCode.GatewayTimeout);
        await (await catalog.Impatient.PostAsync($"/api/movies/from-catalog/{id}", null)).ReadProblemAsync(HttpStatusCode.GatewayTimeout);

        Assert.Equal(0, await StoredAsync(id));
    }

    [RequirementFact]
    public async Task MalformedJsonFromTmdbAnswers502AndStoresNothing()
    {
        var id = Misbehaving(FakeTmdbMisbehaviour.Malformed);

        await (await _client.GetAsync($"/api/catalog/search?query={MisbehavingQuery(FakeTmdbMisbehaviour.Malformed)}")).ReadProblemAsync(HttpStatusCode.BadGateway);
        await (await _client.GetAsync($"/api/catalog/{id}")).ReadProblemAsync(HttpStatusCode.BadGateway);
        await (await _client.PostAsync($"/api/movies/from-catalog/{id}", null)).ReadProblemAsync(HttpStatusCode.BadGateway);

        Assert.Equal(0, await StoredAsync(id));
    }

    [RequirementFact]
    public async Task A429IsRetriedAfterItsRetryAfterThenAnswered503WithRetryAfter()
    {
        var id = Misbehaving(FakeTmdbMisbehaviour.RateLimited);
        var before = _tmdb.Count($"movie/{id}");

        var response = await _client.PostAsync($"/api/movies/from-catalog/{id}", null);

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("1", response.Headers.RetryAfter?.ToString());
        Assert.Equal(1, (int)problem["retry_after_seconds"]!);
        Assert.Equal(2, _tmdb.Count($"movie/{id}") - before);
        Assert.Equal(0, await StoredAsync(id));
    }

    [RequirementFact]
    public async Task A429AskingForALongWaitIsAnsweredAtOnceWithItsRetryAfter()
    {
        var id = Misbehaving(FakeTmdbMisbehaviour.RateLimitedLong);
        var before = _tmdb.Count($"movie/{id}");

        var response = await _client.GetAsync($"/api/catalog/{id}");

        await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("120", response.Headers.RetryAfter?.ToString());
        Assert.Equal(1, _tmdb.Count($"movie/{id}") - before);
    }

    [RequirementFact]
    public async Task AServerErrorIsRetriedOnceThenAnswered502()
    {
        var id = Misbehaving(FakeTmdbMisbehaviour.ServerError);
        var before = _tmdb.Count($"movie/{id}");

        await (await _client.GetAsync($"/api/catalog/{id}")).ReadProblemAsync(HttpStatusCode.BadGateway);

        Assert.Equal(2, _tmdb.Count($"movie/{id}") - before);
    }

    [RequirementTheory]
    [InlineData("")]
    [InlineData("?query=")]
    [InlineData("?query=%20%20")]
    [InlineData("?query=%00")]
    public async Task AMissingOrBlankQueryAnswers422(string query)
    {
        var response = await _client.GetAsync($"/api/catalog/search{query}");

        Assert.Equal(["query"], await response.ReadInvalidFieldsAsync());
    }

    [RequirementFact]
    public async Task AQueryOverAHundredCharactersAnswers422()
    {
        var response = await _client.GetAsync($"/api/catalog/search?query={new string('가', 101)}");

        Assert.Equal(["query"], await response.ReadInvalidFieldsAsync());
        Assert.DoesNotContain(_tmdb.Requests, r => r.Query.Length > 100);
    }

    [RequirementFact]
    public async Task TheOpenApiDocumentHasTheCatalogEndpointsWithExamples()
    {
        var document = await _client.GetObjectAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();

        Assert.NotNull(paths["/api/catalog/search"]?["get"]);
        Assert.NotNull(paths["/api/catalog/{id}"]?["get"]);
        Assert.NotNull(paths["/api/movies/from-catalog/{id}"]?["post"]);
        foreach (var name in new[] { "CatalogSearchHit", "CatalogMovie" })
        {
            var schema = document["components"]!["schemas"]![name]!;
            var example = schema["examples"]!.AsArray()[0]!.AsObject();
            Assert.All(example.Select(p => p.Key), key => Assert.Contains(key, schema["properties"]!.AsObject().Select(p => p.Key)));
        }
        Assert.Contains("409", paths["/api/movies/from-catalog/{id}"]!["post"]!["responses"]!.AsObject().Select(r => r.Key));
    }
}

public sealed class SqliteCatalogApiTests(SqliteCatalogFixture catalog) : CatalogApiTests(catalog), IClassFixture<SqliteCatalogFixture>;

[RequiresPostgres]
public sealed class PostgresCatalogApiTests(PostgresCatalogFixture catalog) : CatalogApiTests(catalog), IClassFixture<PostgresCatalogFixture>;
