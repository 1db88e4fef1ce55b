namespace MovieGpt.Server.Data;

/// <summary>One user's 공감 on one review: at most one per pair (the key), gone with the review or the account.</summary>
public sealed class ReviewHelpful
{
    public int ReviewId { get; set; }

    public int UserId { get; set; }

    public DateTime CreatedAt { get; set; }
}
