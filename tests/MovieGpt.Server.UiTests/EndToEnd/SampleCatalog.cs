using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// A few movies with reviews, stored through the app's own services (so scored by the shipped model), so that
/// every page has something to show whichever test runs first. Tests only count what they add themselves.
/// The first movie also has each kind of review the list draws differently (별점, spoiler, 더보기, a writer the model
/// disagrees with, one of the sample account's), and the reviews are more than a page, so the pager shows.
/// </summary>
public static class SampleCatalog
{
    private static readonly (string Title, string Date, string Director, string Genre, string[] Reviews)[] s_movies =
    [
        (FirstTitle, FirstReleaseDate, "장건재", "드라마",
        [
            "잔잔하지만 오래 남는 영화. 영상이 너무 아름다웠어요.",
            "지루해서 중간에 졸았습니다. 제 취향은 아니네요.",
            "배우들의 자연스러운 연기가 좋았고 여운이 길어요.",
        ]),
        ("서울 추격전", "2023-09-27", "이도현", "액션",
        [
            "액션 장면이 시원시원하고 끝까지 긴장감이 넘쳐요!",
            "스토리가 뻔하고 개연성이 없어서 실망했습니다.",
            "그냥 평범한 오락 영화. 한 번 볼 만은 해요.",
            "최고의 팝콘 무비! 두 번 봤어요.",
        ]),
        ("우리들의 겨울", "2021-12-22", "민서윤", "로맨스",
        [
            "연출도 음악도 완벽했어요. 올해 최고의 영화입니다.",
        ]),
    ];

    /// <summary>The first movie's title and date, for tests that add it again.</summary>
    public const string FirstTitle = "한여름의 판타지아";

    public const string FirstReleaseDate = "2015-06-11";

    /// <summary>The account that wrote <see cref="Ids.OwnReviewId"/>, for tests that visit pages signed in.</summary>
    public const string Email = "sample@example.com";

    public const string Password = "sample1234";

    public const string DisplayName = "샘플관객";

    /// <summary>Clearly praised, so the model's reading is far from the writer's 1점.</summary>
    private const string DisagreeingReview = "연출도 연기도 음악도 완벽했어요. 올해 본 영화 중 최고입니다. 강력 추천해요!";

    private static CreateReviewRequest[] Kinds(int movieId) =>
    [
        new() { MovieId = movieId, Author = "별점관객", Content = "영상미가 좋았고 배우들 연기도 괜찮았어요.", UserRating = 8 },
        new() { MovieId = movieId, Author = "스포관객", Content = "마지막에 주인공이 떠나는 장면에서 울었어요.", Spoiler = true },
        new() { MovieId = movieId, Author = "긴글관객", Content = string.Join(' ', Enumerable.Repeat("여름의 빛과 소리가 화면 가득 담겨서 보는 내내 마음이 편안해졌어요.", 8)) },
        new() { MovieId = movieId, Author = "반어관객", Content = DisagreeingReview, UserRating = 1 },
    ];

    /// <summary>How many reviews the first movie has: its own, each kind, and the sample account's.</summary>
    public static int FirstMovieReviewCount => s_movies[0].Reviews.Length + Kinds(0).Length + 1;

    /// <summary>Ids of what the sample stored, for tests that visit a page of one movie or the sample account's review.</summary>
    public sealed record Ids(int MovieId, int OwnReviewId);

    public static async Task<Ids> AddToAsync(IServiceProvider services)
    {
        int? first = null;
        foreach (var (title, date, director, genre, reviews) in s_movies)
        {
            await using var scope = services.CreateAsyncScope();
            var movie = await scope.ServiceProvider.GetRequiredService<IMovieService>().CreateAsync(
                new CreateMovieRequest { Title = title, ReleaseDate = date, Director = director, Genre = genre });
            first ??= movie.Id;
            var reviewService = scope.ServiceProvider.GetRequiredService<IReviewService>();
            for (var i = 0; i < reviews.Length; i++)
            {
                await reviewService.CreateAsync(new CreateReviewRequest { MovieId = movie.Id, Author = $"관객{i + 1}", Content = reviews[i] });
            }
        }
        var movieId = first!.Value;
        await using (var scope = services.CreateAsyncScope())
        {
            var reviewService = scope.ServiceProvider.GetRequiredService<IReviewService>();
            foreach (var kind in Kinds(movieId))
            {
                await reviewService.CreateAsync(kind);
            }
        }
        return new Ids(movieId, await AddOwnReviewAsync(services, movieId));
    }

    private static async Task<int> AddOwnReviewAsync(IServiceProvider services, int movieId)
    {
        await using var scope = services.CreateAsyncScope();
        var registered = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync(
            new RegisterRequest { Email = Email, Password = Password, DisplayName = DisplayName });
        var user = registered.User ?? throw new InvalidOperationException($"The sample account was not registered: {registered.Conflict}");
        var written = await scope.ServiceProvider.GetRequiredService<IReviewService>().WriteAsync(
            new CreateReviewRequest { MovieId = movieId, Author = DisplayName, Content = "두 번 봐도 좋은 영화예요. 음악이 특히 기억에 남아요.", UserRating = 9 },
            new Caller(user.Id, user.DisplayName, IsAdmin: false, AnonymousWrites: false));
        return written.Value?.Id ?? throw new InvalidOperationException($"The sample account's review was not stored: {written.Outcome}");
    }
}
