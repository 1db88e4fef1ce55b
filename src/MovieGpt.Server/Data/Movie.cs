namespace MovieGpt.Server.Data;

public sealed class Movie
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public string? ReleaseDate { get; set; }

    public string? Director { get; set; }

    public string? Genre { get; set; }

    public string? PosterUrl { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Title, director and genre as search compares them (<see cref="SearchText.Key"/>); kept by the context on every save,
    /// null only for a movie stored before search keys existed until the start-up back-fill reaches it.
    /// </summary>
    public string? SearchKey { get; set; }

    /// <summary>The same fields as initial consonants (<see cref="SearchText.Initials"/>), kept like <see cref="SearchKey"/>.</summary>
    public string? SearchInitials { get; set; }

    public List<Review> Reviews { get; set; } = [];

    public List<ReviewTally> Tallies { get; set; } = [];
}
