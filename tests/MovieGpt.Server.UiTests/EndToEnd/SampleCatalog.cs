using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// A few movies with reviews, stored through the app's own services (so scored by the shipped model), so that
/// every page has something to show whichever test runs first. Tests only count what they add themselves.
/// </summary>
public static class SampleCatalog
{
    private static readonly (string Title, string Date, string Director, string Genre, string[] Reviews)[] s_movies =
    [
        ("한여름의 판타지아", "2015-06-11", "장건재", "드라마",
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

    /// <summary>Ids of what the sample stored, for tests that visit a page of one movie.</summary>
    public sealed record Ids(int MovieId);

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
        return new Ids(first!.Value);
    }
}
