namespace MovieGpt.Server.Contracts;

/// <summary>The window GET /api/rankings counts reviews in: every review, or those of the last 30 or 7 days in Korea (today included).</summary>
public enum RankingPeriod
{
    All,
    ThirtyDays,
    SevenDays,
}

/// <summary>Which rankings to compute: the period, an optional genre (any of a movie's genres) and the length of each list.</summary>
public sealed record RankingQuery(RankingPeriod Period = RankingPeriod.All, string? Genre = null, int Limit = 10);

/// <summary>
/// GET /api/rankings: four lists over the period's reviews, with the prior every adjusted score shrinks towards
/// (<see cref="PriorScore"/>, the mean positivity of all reviews) and its weight in reviews (<see cref="MinReviews"/>).
/// </summary>
public sealed record RankingsResponse(
    string Period,
    string? Genre,
    int MinReviews,
    double PriorScore,
    double TrendingHalfLifeDays,
    IReadOnlyList<RankedMovie> Best,
    IReadOnlyList<RankedMovie> MostReviewed,
    IReadOnlyList<RankedMovie> Trending,
    IReadOnlyList<RankedMovie> MostDivided);

/// <summary>
/// A movie in a ranking, its figures over the period's reviews. <see cref="Rank"/> is null in the best list while
/// the movie has fewer than min_reviews reviews (<see cref="NeedsMoreReviews"/>): its score is still mostly the prior.
/// </summary>
public sealed record RankedMovie(
    int? Rank,
    int Id,
    string Title,
    string? ReleaseDate,
    string? Director,
    string? Genre,
    string? PosterUrl,
    int ReviewCount,
    double AverageScore,
    double AdjustedScore,
    double PositiveShare,
    double NegativeShare,
    double TrendScore,
    bool NeedsMoreReviews);

/// <summary>GET /api/movies/recommend: every filter is optional; a movie must pass all that are set.</summary>
public sealed record RecommendQuery(string? Genre = null, string? Director = null, string? Actor = null, double? MinScore = null, int Limit = 10);

/// <summary>
/// A movie like another one: <see cref="Similarity"/> in [0, 1] from shared genres, director and actors and how alike
/// their reviews feel; <see cref="Reasons"/> says why in Korean (e.g. "같은 감독", "장르: 스릴러", "긍정 리뷰 92%").
/// </summary>
public sealed record SimilarMovieResponse(
    int Id,
    string Title,
    string? ReleaseDate,
    string? Director,
    string? Genre,
    string? PosterUrl,
    int ReviewCount,
    double AverageScore,
    double AdjustedScore,
    double PositiveShare,
    double Similarity,
    IReadOnlyList<string> Reasons);
