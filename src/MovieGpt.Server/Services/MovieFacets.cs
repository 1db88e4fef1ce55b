namespace MovieGpt.Server.Services;

/// <summary>What discovery compares movies by: their genres, director and actors, matched without regard to case or spacing.</summary>
public sealed record MovieFacets(IReadOnlyList<string> Genres, string? Director, IReadOnlyList<string> Actors)
{
    private static readonly char[] s_separators = [',', '/', '|', '·'];

    /// <summary>Genres from a joined genre string ("드라마, 스릴러"), as the prototype's clients send it.</summary>
    public static IReadOnlyList<string> SplitGenres(string? genre) =>
        string.IsNullOrWhiteSpace(genre)
            ? []
            : [.. genre.Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    public bool HasGenre(string genre) => Genres.Any(g => Same(g, genre));

    public bool HasActor(string actor) => Actors.Any(a => Same(a, actor));
}
