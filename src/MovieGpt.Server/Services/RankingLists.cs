using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Services;

/// <summary>
/// The four rankings from each movie's reviews of the period, per day (pure: the service reads the tallies).
/// Best ranks by the adjusted score; most reviewed by count; trending by reviews weighted 2^(−age/half-life);
/// most divided by how close the positive share of the reviews that take a side is to one half, among movies
/// with at least m reviews.
/// </summary>
public static class RankingLists
{
    public static RankingsResponse Build(
        RankingQuery query, IReadOnlyList<MovieRow> movies, IReadOnlyList<MovieDay> days, Prior prior, double halfLifeDays, DateOnly today)
    {
        var byMovie = days.GroupBy(d => d.MovieId).ToDictionary(
            g => g.Key,
            g => (Figures: g.Aggregate(MovieFigures.None, (sum, d) => sum + d.Figures),
                  Trend: g.Sum(d => d.Figures.Count * Math.Pow(2, -Math.Max(0, today.DayNumber - d.Day.DayNumber) / halfLifeDays))));
        var entries = movies
            .Where(m => byMovie.ContainsKey(m.Id))
            .Select(m => new Entry(m, byMovie[m.Id].Figures, byMovie[m.Id].Trend, prior.Adjust(byMovie[m.Id].Figures.Positivity, byMovie[m.Id].Figures.Count)))
            .ToList();

        var best = entries.OrderByDescending(e => e.Adjusted).ThenByDescending(e => e.Figures.Count).ThenBy(e => e.Movie.Id).Take(query.Limit);
        var mostReviewed = entries.OrderByDescending(e => e.Figures.Count).ThenByDescending(e => e.Adjusted).ThenBy(e => e.Movie.Id).Take(query.Limit);
        var trending = entries.OrderByDescending(e => e.Trend).ThenByDescending(e => e.Figures.Count).ThenBy(e => e.Movie.Id).Take(query.Limit);
        var divided = entries
            .Where(e => e.Figures.Count >= prior.Weight && e.Figures.Positive + e.Figures.Negative > 0)
            .OrderBy(e => Math.Abs((double)e.Figures.Positive / (e.Figures.Positive + e.Figures.Negative) - 0.5))
            .ThenByDescending(e => e.Figures.Count).ThenBy(e => e.Movie.Id)
            .Take(query.Limit);

        return new RankingsResponse(
            Name(query.Period),
            query.Genre,
            prior.Weight,
            Math.Round(prior.Score, 4),
            halfLifeDays,
            Ranked(best, prior, onlyConfident: true),
            Ranked(mostReviewed, prior, onlyConfident: false),
            Ranked(trending, prior, onlyConfident: false),
            Ranked(divided, prior, onlyConfident: false));
    }

    /// <summary>all, 30d or 7d, as the query string spells them.</summary>
    public static string Name(RankingPeriod period) => period switch
    {
        RankingPeriod.ThirtyDays => "30d",
        RankingPeriod.SevenDays => "7d",
        _ => "all",
    };

    public static bool TryParse(string? value, out RankingPeriod period)
    {
        period = RankingPeriod.All;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "all":
                return true;
            case "30d":
                period = RankingPeriod.ThirtyDays;
                return true;
            case "7d":
                period = RankingPeriod.SevenDays;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The first day (in Korea) a period counts (null: every day); today is its last.</summary>
    public static DateOnly? FirstDay(RankingPeriod period, DateOnly today) => period switch
    {
        RankingPeriod.ThirtyDays => today.AddDays(-29),
        RankingPeriod.SevenDays => today.AddDays(-6),
        _ => null,
    };

    // Ranks count only the movies that earn one: in the best list, those with at least m reviews.
    private static List<RankedMovie> Ranked(IEnumerable<Entry> entries, Prior prior, bool onlyConfident)
    {
        var rank = 0;
        var ranked = new List<RankedMovie>();
        foreach (var (movie, figures, trend, adjusted) in entries)
        {
            var needsMore = figures.Count < prior.Weight;
            int? position = onlyConfident && needsMore ? null : ++rank;
            ranked.Add(new RankedMovie(
                position, movie.Id, movie.Title, movie.ReleaseDate, movie.Director, movie.Genre, movie.PosterUrl,
                figures.Count, Math.Round(figures.Average, 4), Math.Round(adjusted, 4), Math.Round(figures.PositiveShare, 4),
                Math.Round(figures.NegativeShare, 4), Math.Round(trend, 4), needsMore));
        }
        return ranked;
    }

    private sealed record Entry(MovieRow Movie, MovieFigures Figures, double Trend, double Adjusted);
}
