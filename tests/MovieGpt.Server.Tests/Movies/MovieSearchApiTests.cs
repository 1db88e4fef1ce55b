using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Movies;

/// <summary>
/// Search through <c>q</c> on each database: spacing, case and Unicode form aside, and by initial consonants. Every test
/// tags its movies with random Hangul syllables, so that a search sees only its own movies.
/// </summary>
public abstract class MovieSearchApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private static string NewTag() => new([.. Guid.NewGuid().ToByteArray()[..4].Select((b, i) => (char)('가' + (b * 43 + i * 2791) % 11172))]);

    private async Task<string[]> TitlesAsync(string q, string paging = "") =>
        [.. (await _client.GetArrayAsync($"/api/movies/?q={Uri.EscapeDataString(q)}{paging}")).Select(m => (string)m!["title"]!)];

    [RequirementFact]
    public async Task SearchIgnoresSpacingAndCaseInTitlesDirectorsAndGenres()
    {
        var tag = NewTag();
        await _client.CreateMovieAsync($"{tag} 헤어질 결심", director: "박찬욱", genre: "로맨스");
        await _client.CreateMovieAsync($"{tag} The Host", director: $"봉준호{tag}", genre: $"{tag} 범죄 스릴러");

        Assert.Equal([$"{tag} 헤어질 결심"], await TitlesAsync($"{tag}헤어질결심"));
        Assert.Equal([$"{tag} 헤어질 결심"], await TitlesAsync($" {tag} 헤어 질결 심 "));
        Assert.Equal([$"{tag} The Host"], await TitlesAsync($"{tag}THEHOST"));
        Assert.Equal([$"{tag} The Host"], await TitlesAsync($"봉 준호 {tag}"));
        Assert.Equal([$"{tag} The Host"], await TitlesAsync($"{tag}범죄스릴러"));
        // A title typed in decomposed jamo (as some keyboards send it) is the same title.
        Assert.Equal([$"{tag} 헤어질 결심"], await TitlesAsync($"{tag}헤어질 결심".Normalize(NormalizationForm.FormD)));
    }

    [RequirementFact]
    public async Task InitialConsonantsFindTheTitleAndTheDirector()
    {
        var tag = NewTag();
        await _client.CreateMovieAsync($"{tag}기생충", director: $"{tag} 봉준호");
        await _client.CreateMovieAsync($"{tag}괴물");
        var initials = SearchText.ToInitials(tag);

        Assert.Equal([$"{tag}기생충"], await TitlesAsync($"{initials}ㄱㅅㅊ"));
        Assert.Equal([$"{tag}기생충"], await TitlesAsync($"{initials} ㅂㅈㅎ"));
        Assert.Equal([$"{tag}괴물", $"{tag}기생충"], await TitlesAsync(initials));
    }

    [RequirementFact]
    public async Task GenresAreFoundByInitialsOrInAnyLatinCaseAndDirectorsInAnyLatinCase()
    {
        var tag = NewTag();
        await _client.CreateMovieAsync($"{tag} 첫째", director: $"{tag} Bong Joon-ho", genre: $"{tag} 스릴러 SF");
        await _client.CreateMovieAsync($"{tag} 둘째", director: "박찬욱", genre: $"{tag} 로맨스");
        var initials = SearchText.ToInitials(tag);

        Assert.Equal([$"{tag} 첫째"], await TitlesAsync($"{initials}ㅅㄹㄹ"));
        Assert.Equal([$"{tag} 둘째"], await TitlesAsync($"{initials} ㄹㅁㅅ"));
        Assert.Equal([$"{tag} 첫째"], await TitlesAsync($"{tag} 스릴러 sf"));
        Assert.Equal([$"{tag} 첫째"], await TitlesAsync($"{tag} bong JOON-HO"));
    }

    [RequirementFact]
    public async Task NormalizedSearchPagesAndCountsInTheDatabase()
    {
        var tag = NewTag();
        for (var i = 0; i < 5; i++)
        {
            await _client.CreateMovieAsync($"{tag} 시리즈 {i}");
        }

        Assert.Equal([$"{tag} 시리즈 3", $"{tag} 시리즈 2"], await TitlesAsync($"{tag}시리즈", "&skip=1&limit=2"));
        await using var scope = server.Services.CreateAsyncScope();
        Assert.Equal(5, await scope.ServiceProvider.GetRequiredService<MovieGpt.Server.Services.IMovieService>().CountAsync($"{tag}시리즈"));
    }

    [RequirementFact]
    public async Task LikeWildcardsInAQueryMatchOnlyThemselves()
    {
        var tag = NewTag();
        await _client.CreateMovieAsync($"{tag} 100% 사랑");
        await _client.CreateMovieAsync($"{tag} 1000 사랑");

        Assert.Equal([$"{tag} 100% 사랑"], await TitlesAsync($"{tag}100%"));
        Assert.Empty(await TitlesAsync($"{tag}1_0"));
    }

    [RequirementFact]
    public async Task TheSameTitleIsFoundForTheSameYearOrAMovieWithoutADate()
    {
        var tag = NewTag();
        var first = (await _client.CreateMovieAsync($"{tag} 기생충", releaseDate: "2019-05-30")).Id();
        await _client.CreateMovieAsync($"{tag} 기생충", releaseDate: "2009-01-01");
        var undated = (await _client.CreateMovieAsync($"{tag}  기생충")).Id();
        await _client.CreateMovieAsync($"{tag} 기생충 2", releaseDate: "2019-05-30");
        await using var scope = server.Services.CreateAsyncScope();
        var movies = scope.ServiceProvider.GetRequiredService<MovieGpt.Server.Services.IMovieService>();

        var same = await movies.FindSameTitleAsync($"{tag} 기생충", "2019");

        Assert.Equal([first, undated], same.Select(m => m.Id));
        Assert.Equal(3, (await movies.FindSameTitleAsync($"{tag}기생충", null)).Count);
    }

    [RequirementFact]
    public async Task MoviesStoredBeforeSearchKeysAreBackFilled()
    {
        var tag = NewTag();
        await server.ExecuteAsync($"INSERT INTO movies (title, director, created_at) VALUES ('{tag} 옛 영화', '옛 감독', '2020-01-01 00:00:00')");
        Assert.Empty(await TitlesAsync($"{tag}옛영화"));

        await using var scope = server.Services.CreateAsyncScope();
        Assert.True(await SearchKeyBackfill.RunAsync(scope.ServiceProvider.GetRequiredService<MovieGptDbContext>()) >= 1);

        Assert.Equal([$"{tag} 옛 영화"], await TitlesAsync($"{tag}옛영화"));
        Assert.Equal([$"{tag} 옛 영화"], await TitlesAsync($"{SearchText.ToInitials(tag)}ㅇㅇㅎ"));
        Assert.Equal(0, await server.ScalarAsync("SELECT COUNT(*) FROM movies WHERE search_key IS NULL"));
    }
}

public sealed class SqliteMovieSearchApiTests(SqliteServerFixture server) : MovieSearchApiTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresMovieSearchApiTests(PostgresServerFixture server) : MovieSearchApiTests(server), IClassFixture<PostgresServerFixture>;
