namespace MovieGpt.Server.Data;

/// <summary>
/// Running totals of one movie's reviews that share a label, a rounded rating and a day in Korea. The database keeps
/// them with triggers on <c>reviews</c> (their SQL is in the migrations), so a movie's statistics read a few
/// dozen of these rows instead of every review, and no writer, EF or raw SQL, can leave them behind.
/// </summary>
public sealed class ReviewTally
{
    public int MovieId { get; set; }

    public required string SentimentLabel { get; set; }

    /// <summary>floor(predicted rating + 0.5): 1–10.</summary>
    public int RatingBin { get; set; }

    /// <summary>The reviews' day in Korea (<see cref="DayOf"/>), the day readers see beside them.</summary>
    public DateOnly Day { get; set; }

    /// <summary>Korea's offset from UTC (no daylight saving since 1988); the triggers count days with it too.</summary>
    public static readonly TimeSpan DayOffset = TimeSpan.FromHours(9);

    /// <summary>The tally day of an instant: its date in Korea.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(DayOffset).DateTime);

    public int ReviewCount { get; set; }

    /// <summary>Sum of P(positive) + P(neutral)/2 over the reviews.</summary>
    public double PositivitySum { get; set; }

    public double RatingSum { get; set; }

    /// <summary>How many of the reviews carry the writer's own 별점.</summary>
    public int UserRatingCount { get; set; }

    /// <summary>Sum of those 별점.</summary>
    public int UserRatingSum { get; set; }
}
