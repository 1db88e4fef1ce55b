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

    public List<Review> Reviews { get; set; } = [];

    public List<ReviewTally> Tallies { get; set; } = [];
}
