using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Pages;

/// <summary>
/// The pages as a crawler or a link preview (KakaoTalk, a search engine) reads them: one GET, no script run. The first
/// answer is prerendered, so it already carries the title, the reviews and the Open Graph tags.
/// </summary>
public abstract partial class PrerenderedPagesTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [RequirementFact]
    public async Task AMoviePageIsPrerenderedWithItsTitleReviewsAndOpenGraphTags()
    {
        var title = $"헤어질 결심 {Guid.NewGuid():N}"[..16];
        var movie = await _client.CreateMovieAsync(title, director: "박찬욱", releaseDate: "2022-06-29",
            posterUrl: "https://images.example/decision.jpg");
        await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        var (status, html) = await GetPageAsync($"/movies/{movie.Id()}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{title} · MovieGpt", Regex.Match(html, "<title>(.*?)</title>").Groups[1].Value);
        Assert.Contains(ReviewTexts.Positive, html);
        Assert.Equal(title, Meta(html, "og:title"));
        Assert.Equal("https://images.example/decision.jpg", Meta(html, "og:image"));
        Assert.StartsWith("리뷰 1개 · 긍정도 ", Meta(html, "og:description"));
        Assert.Contains("2022.06.29", html);
    }

    [RequirementFact]
    public async Task AMissingMovieAnswers404WithTheNotFoundPage()
    {
        var (status, html) = await GetPageAsync("/movies/987654");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("data-testid=\"not-found-page\"", html);
        Assert.DoesNotContain("og:title", html);
    }

    [RequirementFact]
    public async Task TheEditPageOfAMissingReviewAnswers404WithTheNotFoundPage()
    {
        var movie = await _client.CreateMovieAsync($"수정할 리뷰 {Guid.NewGuid():N}"[..16]);
        var review = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        var (missing, html) = await GetPageAsync("/reviews/987654/edit");
        var (existing, _) = await GetPageAsync($"/reviews/{review.Id()}/edit");

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("data-testid=\"not-found-page\"", html);
        // A review that exists answers the page (asking to log in), not the 404.
        Assert.Equal(HttpStatusCode.OK, existing);
    }

    [RequirementFact]
    public async Task APrerenderedListShowsThePageSearchAndOrderOfItsAddress()
    {
        var tag = $"쪽수{Guid.NewGuid():N}"[..10];
        for (var i = 1; i <= 13; i++)
        {
            await _client.CreateMovieAsync($"{tag} 편{i:00}");
        }

        // Twelve a page, newest first: page 2 holds the first movie alone. The query is typed without its space.
        var (status, html) = await GetPageAsync($"/movies?q={Uri.EscapeDataString(tag + "편")}&page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-page=\"2\"", html);
        Assert.Contains($"{tag} 편01", html);
        Assert.DoesNotContain($"{tag} 편13", html);
        Assert.Contains("영화 13편", html);

        (_, html) = await GetPageAsync($"/movies?q={Uri.EscapeDataString(tag)}&sort=newest&page=1");
        Assert.Contains($"{tag} 편13", html);
        Assert.DoesNotContain($"{tag} 편01", html);
    }

    [RequirementTheory]
    [InlineData("/", "MovieGpt · 영화 리뷰 감성 분석")]
    [InlineData("/movies", "영화 목록 · MovieGpt")]
    [InlineData("/movies/new", "영화 추가 · MovieGpt")]
    [InlineData("/reviews", "리뷰 목록 · MovieGpt")]
    [InlineData("/reviews/new", "리뷰 작성 · MovieGpt")]
    [InlineData("/my-reviews", "내 리뷰 · MovieGpt")]
    [InlineData("/rankings", "랭킹 · MovieGpt")]
    [InlineData("/recommend", "추천 · MovieGpt")]
    [InlineData("/account/login", "로그인 · MovieGpt")]
    [InlineData("/account/register", "회원가입 · MovieGpt")]
    [InlineData("/not-found", "페이지를 찾을 수 없어요 · MovieGpt")]
    [InlineData("/Error", "오류 · MovieGpt")]
    public async Task EveryPageIsPrerenderedWithItsOwnTitle(string path, string expectedTitle)
    {
        var (status, html) = await GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([expectedTitle], TitleRegex().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("<main", html);
    }

    /// <summary>The pages of one movie or review, whose addresses the theory above cannot name.</summary>
    [RequirementFact]
    public async Task PagesOfOneMovieOrReviewArePrerenderedWithTheirTitles()
    {
        var title = $"괴물 {Guid.NewGuid():N}"[..12];
        var movie = await _client.CreateMovieAsync(title);
        var review = await _client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        foreach (var (path, expectedTitle) in new[]
        {
            ($"/movies/{movie.Id()}", $"{title} · MovieGpt"),
            ($"/reviews/{review.Id()}/edit", "리뷰 수정 · MovieGpt"),
        })
        {
            var (status, html) = await GetPageAsync(path);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal([expectedTitle], TitleRegex().Matches(html).Select(m => m.Groups[1].Value));
        }
        // An unknown address answers 404 with the not-found page's title.
        var (missing, missingHtml) = await GetPageAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(["페이지를 찾을 수 없어요 · MovieGpt"], TitleRegex().Matches(missingHtml).Select(m => m.Groups[1].Value));
    }

    private async Task<(HttpStatusCode Status, string Html)> GetPageAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static string? Meta(string html, string property) =>
        Regex.Match(html, $"<meta property=\"{Regex.Escape(property)}\" content=\"([^\"]*)\"") is { Success: true } match
            ? match.Groups[1].Value
            : null;

    [GeneratedRegex("<title>(.*?)</title>")]
    private static partial Regex TitleRegex();
}

public sealed class SqlitePrerenderedPagesTests(SqliteServerFixture server) : PrerenderedPagesTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresPrerenderedPagesTests(PostgresServerFixture server) : PrerenderedPagesTests(server), IClassFixture<PostgresServerFixture>;
