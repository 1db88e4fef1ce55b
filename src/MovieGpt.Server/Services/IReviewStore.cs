using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>Where a scored review is written; which one depends on the database (see DatabaseExtensions).</summary>
public interface IReviewStore
{
    /// <summary>Stores the review and sets its id; false when its movie does not exist (any more).</summary>
    Task<bool> StoreAsync(Review review);
}
