using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Services;

/// <summary>A movie's own fields as discovery reads them for every movie: no review figures, no long texts.</summary>
public sealed record MovieRow(
    int Id, string Title, string? ReleaseDate, string? Director, string? Genre, string? PosterUrl, DateTime CreatedAt,
    IReadOnlyList<string> Genres, IReadOnlyList<string> Actors)
{
    public MovieFacets Facets { get; } = new(Genres, Director, Actors);

    /// <summary>The answer without the catalog texts (plot, countries…), which the caller adds for the movies it returns.</summary>
    public MovieResponse ToResponse(MovieFigures figures, Prior prior) =>
        new(Id, Title, ReleaseDate, Director, Genre, PosterUrl, CreatedAt, figures.Count, figures.Average)
        {
            AdjustedScore = prior.Adjust(figures.Positivity, figures.Count),
            Genres = Genres,
            Actors = Actors,
        };
}

/// <summary>
/// Sums over a set of a movie's reviews, read from its tallies: how many, their summed positivity (P(positive) +
/// P(neutral)/2) and how many the engine labelled positive and negative.
/// </summary>
public sealed record MovieFigures(int Count, double Positivity, int Positive, int Negative)
{
    public static MovieFigures None { get; } = new(0, 0, 0, 0);

    /// <summary>The raw mean positivity, average_score (0 without reviews).</summary>
    public double Average => Count == 0 ? 0 : Positivity / Count;

    public double PositiveShare => Count == 0 ? 0 : (double)Positive / Count;

    public double NegativeShare => Count == 0 ? 0 : (double)Negative / Count;

    public static MovieFigures operator +(MovieFigures a, MovieFigures b) =>
        new(a.Count + b.Count, a.Positivity + b.Positivity, a.Positive + b.Positive, a.Negative + b.Negative);
}

/// <summary>A movie's reviews of one day in Korea, for the rankings' periods and trending.</summary>
public sealed record MovieDay(int MovieId, DateOnly Day, MovieFigures Figures);
