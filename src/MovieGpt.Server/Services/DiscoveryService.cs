using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Reads each movie's fields and its review tallies summed in the database (per movie, per movie and day, or per
/// movie, label and rating), never the reviews, and leaves the ranking to <see cref="RankingLists"/> and
/// <see cref="SimilarMovies"/>. Each call leases a pooled context of its own, as <see cref="MovieService"/> does.
/// </summary>
public sealed class DiscoveryService(IServiceScopeFactory scopes, ScorePrior prior, IOptions<RankingOptions> options, TimeProvider clock)
    : IDiscoveryService
{
    private readonly RankingOptions _options = options.Value;

    public async Task<RankingsResponse> RankingsAsync(RankingQuery query, CancellationToken ct = default)
    {
        var today = ReviewTally.DayOf(clock.GetUtcNow());
        var weights = await prior.GetAsync(ct);
        return await WithDbAsync(async db =>
        {
            var movies = await MoviesAsync(db, ct, query.Genre);
            var days = await DaysAsync(db, RankingLists.FirstDay(query.Period, today), ct);
            return RankingLists.Build(query, movies, days, weights, _options.TrendingHalfLifeDays, today);
        });
    }

    public async Task<IReadOnlyList<MovieResponse>> RecommendAsync(RecommendQuery query, CancellationToken ct = default)
    {
        var weights = await prior.GetAsync(ct);
        return await WithDbAsync<IReadOnlyList<MovieResponse>>(async db =>
        {
            var movies = (await MoviesAsync(db, ct, query.Genre, query.Actor))
                .Where(m => query.Director is null || MovieFacets.Same(m.Director, query.Director));
            var figures = await FiguresAsync(db, ct);
            var chosen = movies
                .Select(m => m.ToResponse(figures.GetValueOrDefault(m.Id, MovieFigures.None), weights))
                .Where(m => query.MinScore is not { } min || m.AdjustedScore >= min)
                .OrderBy(m => m.ReviewCount == 0).ThenByDescending(m => m.AdjustedScore).ThenByDescending(m => m.ReviewCount).ThenByDescending(m => m.Id)
                .Take(query.Limit)
                .ToList();
            // The catalog texts only for the movies returned.
            int[] ids = [.. chosen.Select(m => m.Id)];
            var texts = await db.Movies.AsNoTracking()
                .Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.OriginalTitle, m.Countries, m.PlotSummary, m.RuntimeMinutes, m.ExternalId })
                .ToDictionaryAsync(m => m.Id, ct);
            return
            [
                .. chosen.Select(m => texts.TryGetValue(m.Id, out var t)
                    ? m with { OriginalTitle = t.OriginalTitle, Countries = t.Countries, PlotSummary = t.PlotSummary, RuntimeMinutes = t.RuntimeMinutes, ExternalId = t.ExternalId }
                    : m),
            ];
        });
    }

    public async Task<IReadOnlyList<SimilarMovieResponse>?> SimilarAsync(int movieId, int limit, CancellationToken ct = default)
    {
        var weights = await prior.GetAsync(ct);
        return await WithDbAsync(async db =>
        {
            var movies = await MoviesAsync(db, ct);
            if (movies.FirstOrDefault(m => m.Id == movieId) is not { } target)
            {
                return null;
            }
            var candidates = movies.Where(m => m.Id != movieId && SimilarMovies.SharesAnything(target.Facets, m.Facets)).ToList();
            var feels = await FeelsAsync(db, [movieId, .. candidates.Select(c => c.Id)], ct);
            ReviewFeel FeelOf(int id) => feels.GetValueOrDefault(id) ?? ReviewFeel.None;
            return SimilarMovies.Rank(target, FeelOf(movieId), candidates.Select(c => (c, FeelOf(c.Id))), weights, limit);
        });
    }

    /// <summary>
    /// The movies of <paramref name="genre"/> and with <paramref name="actor"/> when given, chosen in the database from
    /// the movie_genres and movie_actors rows (names are stored trimmed; matched trimmed and without regard to case, as
    /// <see cref="MovieFacets.Same"/> matches them), so only the movies that match are read.
    /// </summary>
    private static async Task<List<MovieRow>> MoviesAsync(MovieGptDbContext db, CancellationToken ct, string? genre = null, string? actor = null)
    {
        var movies = db.Movies.AsNoTracking();
        if (genre is not null)
        {
            var name = genre.Trim();
            movies = movies.Where(m => db.MovieGenres.Any(g => g.MovieId == m.Id && g.Name.ToLower() == name.ToLower()));
        }
        if (actor is not null)
        {
            var name = actor.Trim();
            movies = movies.Where(m => db.MovieActors.Any(a => a.MovieId == m.Id && a.Name.ToLower() == name.ToLower()));
        }
        return await movies
            .Select(m => new MovieRow(m.Id, m.Title, m.ReleaseDate, m.Director, m.Genre, m.PosterUrl, m.CreatedAt, m.Genres, m.Actors))
            .ToListAsync(ct);
    }

    private static async Task<Dictionary<int, MovieFigures>> FiguresAsync(MovieGptDbContext db, CancellationToken ct) =>
        await db.ReviewTallies
            .GroupBy(t => t.MovieId)
            .Select(g => new
            {
                MovieId = g.Key,
                Figures = new MovieFigures(
                    g.Sum(t => t.ReviewCount),
                    g.Sum(t => t.PositivitySum),
                    g.Sum(t => t.SentimentLabel == SentimentLabels.Positive ? t.ReviewCount : 0),
                    g.Sum(t => t.SentimentLabel == SentimentLabels.Negative ? t.ReviewCount : 0)),
            })
            .ToDictionaryAsync(r => r.MovieId, r => r.Figures, ct);

    private static async Task<List<MovieDay>> DaysAsync(MovieGptDbContext db, DateOnly? since, CancellationToken ct)
    {
        var tallies = since is { } first ? db.ReviewTallies.Where(t => t.Day >= first) : db.ReviewTallies;
        return await tallies
            .GroupBy(t => new { t.MovieId, t.Day })
            .Select(g => new MovieDay(g.Key.MovieId, g.Key.Day, new MovieFigures(
                g.Sum(t => t.ReviewCount),
                g.Sum(t => t.PositivitySum),
                g.Sum(t => t.SentimentLabel == SentimentLabels.Positive ? t.ReviewCount : 0),
                g.Sum(t => t.SentimentLabel == SentimentLabels.Negative ? t.ReviewCount : 0))))
            .ToListAsync(ct);
    }

    private static async Task<Dictionary<int, ReviewFeel>> FeelsAsync(MovieGptDbContext db, int[] movieIds, CancellationToken ct)
    {
        var rows = await db.ReviewTallies
            .Where(t => movieIds.Contains(t.MovieId))
            .GroupBy(t => new { t.MovieId, t.SentimentLabel, t.RatingBin })
            .Select(g => new { g.Key.MovieId, g.Key.SentimentLabel, g.Key.RatingBin, Count = g.Sum(t => t.ReviewCount), Positivity = g.Sum(t => t.PositivitySum) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.MovieId).ToDictionary(g => g.Key, g =>
        {
            var histogram = new int[10];
            foreach (var row in g)
            {
                histogram[Math.Clamp(row.RatingBin, 1, 10) - 1] += row.Count;
            }
            return new ReviewFeel(
                new MovieFigures(
                    g.Sum(r => r.Count),
                    g.Sum(r => r.Positivity),
                    g.Where(r => r.SentimentLabel == SentimentLabels.Positive).Sum(r => r.Count),
                    g.Where(r => r.SentimentLabel == SentimentLabels.Negative).Sum(r => r.Count)),
                histogram);
        });
    }

    private async Task<T> WithDbAsync<T>(Func<MovieGptDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MovieGptDbContext>());
    }
}
