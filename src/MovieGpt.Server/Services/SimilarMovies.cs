using System.Globalization;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Services;

/// <summary>A movie's review figures and its reviews per rounded rating (index 0 is rating 1).</summary>
public sealed record ReviewFeel(MovieFigures Figures, int[] Histogram)
{
    public static ReviewFeel None => new(MovieFigures.None, new int[10]);
}

/// <summary>
/// Scores how alike two movies are (pure: the service reads the rows). What they share weighs 0.8: genres by Jaccard
/// overlap (0.45), the director (0.3), actors by the share of the smaller cast they have in common (0.25). How alike
/// their reviews feel weighs 0.2, when both have reviews: half the closeness of their positive shares, half one minus
/// the total-variation distance of their rating histograms. A movie that shares nothing is never similar.
/// </summary>
public static class SimilarMovies
{
    /// <summary>Positive shares this close count as "feeling alike" and are given as a reason.</summary>
    public const double AlikeShare = 0.15;

    public static IReadOnlyList<SimilarMovieResponse> Rank(
        MovieRow target, ReviewFeel targetFeel, IEnumerable<(MovieRow Movie, ReviewFeel Feel)> candidates, Prior prior, int limit) =>
    [
        .. candidates
            .Where(c => c.Movie.Id != target.Id)
            .Select(c => Score(target, targetFeel, c.Movie, c.Feel, prior))
            .OfType<SimilarMovieResponse>()
            .OrderByDescending(s => s.Similarity).ThenByDescending(s => s.AdjustedScore).ThenBy(s => s.Id)
            .Take(limit),
    ];

    /// <summary>Whether a movie shares a genre, the director or an actor with the target: only those are scored.</summary>
    public static bool SharesAnything(MovieFacets target, MovieFacets other) =>
        MovieFacets.Same(target.Director, other.Director)
        || target.Genres.Any(other.HasGenre)
        || target.Actors.Any(other.HasActor);

    private static SimilarMovieResponse? Score(MovieRow target, ReviewFeel targetFeel, MovieRow movie, ReviewFeel feel, Prior prior)
    {
        MovieFacets a = target.Facets, b = movie.Facets;
        var genres = a.Genres.Where(b.HasGenre).ToList();
        var sameDirector = MovieFacets.Same(a.Director, b.Director);
        var actors = a.Actors.Where(b.HasActor).ToList();
        if (genres.Count == 0 && !sameDirector && actors.Count == 0)
        {
            return null;
        }
        var genreUnion = a.Genres.Count + b.Genres.Count - genres.Count;
        var shared = 0.45 * (genreUnion == 0 ? 0 : (double)genres.Count / genreUnion)
            + (sameDirector ? 0.3 : 0)
            + 0.25 * (actors.Count == 0 ? 0 : (double)actors.Count / Math.Min(a.Actors.Count, b.Actors.Count));

        var bothReviewed = targetFeel.Figures.Count > 0 && feel.Figures.Count > 0;
        var shareGap = Math.Abs(targetFeel.Figures.PositiveShare - feel.Figures.PositiveShare);
        var alike = bothReviewed ? 0.5 * (1 - shareGap) + 0.5 * (1 - Distance(targetFeel.Histogram, feel.Histogram)) : 0;

        var reasons = new List<string>();
        if (sameDirector)
        {
            reasons.Add("같은 감독");
        }
        reasons.AddRange(genres.Select(g => $"장르: {g}"));
        if (actors.Count > 0)
        {
            reasons.Add("출연: " + string.Join(", ", actors.Take(3)));
        }
        if (feel.Figures.Count > 0 && (targetFeel.Figures.Count == 0 || shareGap <= AlikeShare))
        {
            reasons.Add($"긍정 리뷰 {Math.Round(feel.Figures.PositiveShare * 100).ToString(CultureInfo.InvariantCulture)}%");
        }

        var figures = feel.Figures;
        return new SimilarMovieResponse(
            movie.Id, movie.Title, movie.ReleaseDate, movie.Director, movie.Genre, movie.PosterUrl,
            figures.Count, Math.Round(figures.Average, 4), Math.Round(prior.Adjust(figures.Positivity, figures.Count), 4),
            Math.Round(figures.PositiveShare, 4), Math.Round(0.8 * shared + 0.2 * alike, 4), reasons);
    }

    /// <summary>Total-variation distance of two histograms as distributions: 0 alike, 1 disjoint.</summary>
    public static double Distance(int[] a, int[] b)
    {
        double totalA = a.Sum(), totalB = b.Sum();
        return 0.5 * a.Zip(b, (x, y) => Math.Abs(x / totalA - y / totalB)).Sum();
    }
}
