
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Data;

/// <summary>
/// The database side of <see cref="ReviewWriter"/>: one per provider, called by the writer's thread only, and it keeps
/// its own connection with its statement prepared (it is the one thing every POST waits for). The container disposes it.
/// </summary>
public interface IReviewInserter : IDisposable
{
    /// <summary>
    /// Inserts the reviews in one transaction, all or none, and answers their ids in the same order. A review with an
    /// answer in <paramref name="answers"/> (sent with an <c>Idempotency-Key</c>) gets its id set and its answer recorded
    /// in the same transaction, so the key is stored exactly when the review is.
    /// </summary>
    int[] Insert(IReadOnlyList<Review> reviews, IReadOnlyList<Func<Review, IdempotencyRecord>?> answers);

    /// <summary>Whether <paramref name="error"/> says that an answer's key was recorded by another request first.</summary>
    bool IsKeyTaken(Exception error);

    /// <summary>Whether <paramref name="error"/>, thrown by inserting one review, says that its movie does not exist.</summary>
    bool IsMissingMovie(Exception error);

    /// <summary>Closes the connection; the next <see cref="Insert"/> opens a new one. Disposing does the same.</summary>
    void CloseConnection();
}
