namespace MovieGpt.Server.Services;

/// <summary>
/// What discovery compares movies by: their genres (the catalog's list, <c>Movie.Genres</c>), director and actors,
/// matched without regard to case or surrounding spaces.
/// </summary>
public sealed record MovieFacets(IReadOnlyList<string> Genres, string? Director, IReadOnlyList<string> Actors)
{

    public static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    public bool HasGenre(string genre) => Genres.Any(g => Same(g, genre));

    public bool HasActor(string actor) => Actors.Any(a => Same(a, actor));
}
