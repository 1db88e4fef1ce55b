namespace MovieGpt.Server.Data;

public sealed class Movie
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public string? OriginalTitle { get; set; }

    public string? ReleaseDate { get; set; }

    public string? Director { get; set; }

    /// <summary>The <see cref="Genres"/> joined with ", ", as the prototype's single genre string.</summary>
    public string? Genre { get; set; }

    /// <summary>Stored as JSON text (<c>movies.genres</c>) and, for filtering, as rows of <see cref="GenreRows"/>.</summary>
    public List<string> Genres { get; set; } = [];

    /// <summary>Top billed first (at most 10); JSON text (<c>movies.actors</c>) and rows of <see cref="ActorRows"/>.</summary>
    public List<string> Actors { get; set; } = [];

    /// <summary>Production countries by name; JSON text (<c>movies.countries</c>).</summary>
    public List<string> Countries { get; set; } = [];

    public string? PlotSummary { get; set; }

    public int? RuntimeMinutes { get; set; }

    public string? PosterUrl { get; set; }

    /// <summary>Where the record came from, e.g. <c>tmdb:496243</c>; unique when set.</summary>
    public string? ExternalId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Title, director and genre as search compares them (<see cref="SearchText.Key"/>); kept by the context on every save,
    /// null only for a movie stored before search keys existed until the start-up back-fill reaches it.
    /// </summary>
    public string? SearchKey { get; set; }

    /// <summary>The same fields as initial consonants (<see cref="SearchText.Initials"/>), kept like <see cref="SearchKey"/>.</summary>
    public string? SearchInitials { get; set; }

    public List<MovieGenre> GenreRows { get; set; } = [];

    public List<MovieActor> ActorRows { get; set; } = [];

    public List<Review> Reviews { get; set; } = [];

    public List<ReviewTally> Tallies { get; set; } = [];

    /// <summary>Sets <see cref="Genres"/>, <see cref="Genre"/> and <see cref="Actors"/> with their rows, so the two forms agree.</summary>
    public void SetPeopleAndGenres(IReadOnlyList<string> genres, IReadOnlyList<string> actors)
    {
        Genres = [.. genres];
        Genre = genres.Count == 0 ? null : string.Join(", ", genres);
        GenreRows = [.. genres.Select((name, i) => new MovieGenre { Position = i, Name = name })];
        Actors = [.. actors];
        ActorRows = [.. actors.Select((name, i) => new MovieActor { Position = i, Name = name })];
    }
}

/// <summary>
/// One of a movie's genres, in the order the movie lists them: what genre filters read, by the (name, movie_id) index,
/// as the same plain SQL on both databases. Written with the movie (movies are never edited) and deleted with it.
/// </summary>
public sealed class MovieGenre
{
    public int MovieId { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }
}

/// <summary>One of a movie's top-billed actors (position 0 first), indexed by (name, movie_id) like <see cref="MovieGenre"/>.</summary>
public sealed class MovieActor
{
    public int MovieId { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }
}
