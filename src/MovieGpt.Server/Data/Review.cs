namespace MovieGpt.Server.Data;

/// <summary>A review and the engine's verdict on it, stored once when the review is written.</summary>
public sealed class Review
{
    public int Id { get; set; }

    public int MovieId { get; set; }

    public Movie? Movie { get; set; }

    public required string Author { get; set; }

    public required string Content { get; set; }

    public required string SentimentLabel { get; set; }

    public double SentimentScore { get; set; }

    public double ProbabilityNegative { get; set; }

    public double ProbabilityNeutral { get; set; }

    public double ProbabilityPositive { get; set; }

    public double PredictedRating { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The writer's own 별점, 1–10 (half-stars in the UI); null when the writer gave none (older clients, older reviews).</summary>
    public int? UserRating { get; set; }

    /// <summary>Whether the writer says the review gives the plot away; the UI hides its text until asked.</summary>
    public bool Spoiler { get; set; }

    /// <summary>
    /// What the review says per aspect, as a JSON array (<see cref="AspectJson"/>); null only for a review stored before
    /// aspects were computed, until <see cref="AspectBackfill"/> reaches it. Triggers copy it into <see cref="ReviewAspect"/> rows.
    /// </summary>
    public string? Aspects { get; set; }
}
