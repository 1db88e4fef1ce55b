using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Data;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Movies;

/// <summary>The catalog fields of a movie (issue 22) through POST /api/movies/ on each database: stored, answered, validated, unique.</summary>
public abstract class MovieCatalogFieldsTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private static string NewId() => $"tmdb:{Random.Shared.Next(1, int.MaxValue)}";

    private static object FullMovie(string externalId) => new
    {
        title = "기생충",
        original_title = "Parasite",
        release_date = "2019-05-30",
        director = "봉준호",
        genres = new[] { "코미디", "스릴러", "드라마" },
        actors = new[] { "송강호", "이선균", "조여정" },
        countries = new[] { "대한민국" },
        plot_summary = "전원 백수로 살 길 막막하지만 사이는 좋은 기택 가족.",
        runtime_minutes = 132,
        external_id = externalId,
    };

    [RequirementFact]
    public async Task PostingCatalogFieldsStoresAndAnswersThemWithGenreAsTheGenresJoined()
    {
        var externalId = NewId();

        var response = await _client.PostAsJsonAsync("/api/movies/", FullMovie(externalId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadObjectAsync();
        foreach (var movie in new[] { created, await _client.GetObjectAsync($"/api/movies/{created.Id()}") })
        {
            Assert.Equal("Parasite", (string?)movie["original_title"]);
            Assert.Equal(["코미디", "스릴러", "드라마"], movie["genres"]!.AsArray().Select(g => (string?)g));
            Assert.Equal("코미디, 스릴러, 드라마", (string?)movie["genre"]);
            Assert.Equal(["송강호", "이선균", "조여정"], movie["actors"]!.AsArray().Select(a => (string?)a));
            Assert.Equal(["대한민국"], movie["countries"]!.AsArray().Select(c => (string?)c));
            Assert.StartsWith("전원 백수로", (string?)movie["plot_summary"]);
            Assert.Equal(132, (int?)movie["runtime_minutes"]);
            Assert.Equal(externalId, (string?)movie["external_id"]);
        }
    }

    [RequirementFact]
    public async Task AMovieWithoutCatalogFieldsAnswersEmptyListsAndNulls()
    {
        var movie = await _client.CreateMovieAsync($"맨손 {Guid.NewGuid():N}");

        Assert.Empty(movie["genres"]!.AsArray());
        Assert.Empty(movie["actors"]!.AsArray());
        Assert.Empty(movie["countries"]!.AsArray());
        Assert.Null(movie["original_title"]);
        Assert.Null(movie["plot_summary"]);
        Assert.Null(movie["runtime_minutes"]);
        Assert.Null(movie["external_id"]);
    }

    [RequirementFact]
    public async Task AGenreStringAloneIsSplitIntoGenresAtCommas()
    {
        var movie = await _client.CreateMovieAsync($"장르 문자열 {Guid.NewGuid():N}", genre: "드라마 ,  스릴러");

        Assert.Equal(["드라마", "스릴러"], movie["genres"]!.AsArray().Select(g => (string?)g));
        Assert.Equal("드라마, 스릴러", (string?)movie["genre"]);
    }

    [RequirementFact]
    public async Task GenresAndActorsAreRowsThatPlainQueriesFilterOn()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var response = await _client.PostAsJsonAsync("/api/movies/", new
        {
            title = $"필터 {tag}",
            genres = new[] { $"장르-{tag}", "드라마" },
            actors = new[] { $"배우A-{tag}", $"배우B-{tag}" },
        });
        var movie = await response.ReadObjectAsync();
        await _client.CreateMovieAsync($"다른 {tag}", genre: "드라마");

        Assert.Equal(movie.Id(), await server.ScalarAsync($"SELECT movie_id FROM movie_genres WHERE name = '장르-{tag}'"));
        Assert.Equal(1, await server.ScalarAsync($"SELECT position FROM movie_actors WHERE name = '배우B-{tag}'"));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        var byActor = await db.Movies.Where(m => m.ActorRows.Any(a => a.Name == $"배우A-{tag}")).Select(m => m.Id).ToListAsync();
        Assert.Equal([movie.Id()], byActor);
    }

    [RequirementFact]
    public async Task DeletingAMovieDeletesItsGenreAndActorRows()
    {
        var response = await _client.PostAsJsonAsync("/api/movies/", new { title = "지울 영화", genres = new[] { "드라마" }, actors = new[] { "배우" } });
        var movie = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, (await _client.DeleteAsync($"/api/movies/{movie.Id()}")).StatusCode);

        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM movie_genres WHERE movie_id = {movie.Id()}"));
        Assert.Equal(0, await server.ScalarAsync($"SELECT COUNT(*) FROM movie_actors WHERE movie_id = {movie.Id()}"));
    }

    public static TheoryData<string, string> InvalidFields => new()
    {
        { """{"title":"t","actors":["1","2","3","4","5","6","7","8","9","10","11"]}""", "actors" },
        { """{"title":"t","actors":["송강호","  "]}""", "actors" },
        { """{"title":"t","genres":["드라마\u0000"]}""", "genres" },
        { $$"""{"title":"t","countries":["{{new string('가', 101)}}"]}""", "countries" },
        { $$"""{"title":"t","genres":["{{new string('가', 60)}}","{{new string('나', 60)}}"]}""", "genres" },
        { $$"""{"title":"t","plot_summary":"{{new string('가', 5001)}}"}""", "plot_summary" },
        { $$"""{"title":"t","original_title":"{{new string('가', 201)}}"}""", "original_title" },
        { """{"title":"t","runtime_minutes":0}""", "runtime_minutes" },
        { """{"title":"t","runtime_minutes":1001}""", "runtime_minutes" },
        { """{"title":"t","external_id":"496243"}""", "external_id" },
        { """{"title":"t","external_id":"tmdb: 496243"}""", "external_id" },
    };

    [RequirementTheory]
    [MemberData(nameof(InvalidFields))]
    public async Task ACatalogFieldOutOfItsLimitsAnswers422NamingIt(string body, string field)
    {
        var before = await server.ScalarAsync("SELECT COUNT(*) FROM movies");

        var response = await _client.PostAsync("/api/movies/", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal([field], await response.ReadInvalidFieldsAsync());
        Assert.Equal(before, await server.ScalarAsync("SELECT COUNT(*) FROM movies"));
    }

    [RequirementFact]
    public async Task ATakenExternalIdAnswers409WithTheRegisteredMovieId()
    {
        var externalId = NewId();
        var first = await (await _client.PostAsJsonAsync("/api/movies/", FullMovie(externalId))).ReadObjectAsync();

        var again = await _client.PostAsJsonAsync("/api/movies/", new { title = "다른 제목", external_id = externalId });

        var problem = await again.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Id(), (int)problem["movie_id"]!);
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM movies WHERE external_id = '{externalId}'"));
    }

    [RequirementFact]
    public async Task ConcurrentPostsOfOneExternalIdStoreOneMovieAndAnswer409ToTheOthers()
    {
        var externalId = NewId();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.PostAsJsonAsync("/api/movies/", FullMovie(externalId))));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var id = (await created.ReadObjectAsync()).Id();
        foreach (var response in responses.Where(r => r != created))
        {
            Assert.Equal(id, (int)(await response.ReadProblemAsync(HttpStatusCode.Conflict))["movie_id"]!);
        }
        Assert.Equal(1, await server.ScalarAsync($"SELECT COUNT(*) FROM movies WHERE external_id = '{externalId}'"));
    }

    [RequirementFact]
    public async Task TheMigrationTurnsAnOlderMoviesGenreIntoItsOneGenre()
    {
        await using var database = server.Provider == "Postgres" ? await PostgresTestDatabase.CreateAsync() : (TestDatabase)new SqliteTestDatabase();
        await using var db = ReviewTallyTests.OpenContext(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ReviewAspects");
        var withGenre = await ReviewTallyTests.InsertMovieAsync(db, "장르 있는 영화");
        await db.Database.ExecuteSqlAsync($"UPDATE movies SET genre = {"느와르"} WHERE id = {withGenre}");
        var without = await ReviewTallyTests.InsertMovieAsync(db, "장르 없는 영화");

        await migrator.MigrateAsync();

        var movies = await db.Movies.AsNoTracking().Include(m => m.GenreRows).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([["느와르"], []], movies.Select(m => m.Genres));
        Assert.Equal([["느와르"], []], movies.Select(m => m.GenreRows.Select(g => g.Name).ToList()));
        Assert.All(movies, m => Assert.Empty(m.Actors));
        Assert.Equal([withGenre, without], movies.Select(m => m.Id));
    }
}

public sealed class SqliteMovieCatalogFieldsTests(SqliteServerFixture server) : MovieCatalogFieldsTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresMovieCatalogFieldsTests(PostgresServerFixture server) : MovieCatalogFieldsTests(server), IClassFixture<PostgresServerFixture>;
