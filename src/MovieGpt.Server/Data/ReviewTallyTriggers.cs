namespace MovieGpt.Server.Data;

/// <summary>
/// The SQL that keeps <c>review_tallies</c> equal to a GROUP BY over <c>reviews</c>, per provider, for the
/// migrations. Inserts add to a tally, deletes (a movie's cascade too) subtract and drop a tally that reaches zero;
/// reviews are never edited, and an edit of a scored column is refused rather than left to drift. Bins and days use
/// the definitions of the statistics: floor(rating + 0.5) and the UTC calendar day of created_at.
/// </summary>
internal static partial class ReviewTallyTriggers
{
    private const string Columns = "movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum";

    private const string ScoredColumns = "movie_id, sentiment_label, predicted_rating, probability_positive, probability_neutral, created_at";

    public const string ImmutableMessage = "reviews are not edited in place: delete the review and write a new one";

    // SQLite keeps created_at as 'yyyy-MM-dd HH:mm:ss.FFFFFFF' (UTC), so its first ten characters are the day.
    public const string SqliteUp = $"""
        INSERT INTO review_tallies ({Columns})
        SELECT movie_id, sentiment_label, CAST(floor(predicted_rating + 0.5) AS INTEGER), substr(created_at, 1, 10),
               COUNT(*), SUM(probability_positive + probability_neutral / 2.0), SUM(predicted_rating)
        FROM reviews
        GROUP BY 1, 2, 3, 4;

        CREATE TRIGGER reviews_tally_insert AFTER INSERT ON reviews BEGIN
            INSERT INTO review_tallies ({Columns})
            VALUES (NEW.movie_id, NEW.sentiment_label, CAST(floor(NEW.predicted_rating + 0.5) AS INTEGER), substr(NEW.created_at, 1, 10),
                    1, NEW.probability_positive + NEW.probability_neutral / 2.0, NEW.predicted_rating)
            ON CONFLICT (movie_id, sentiment_label, rating_bin, day) DO UPDATE SET
                review_count = review_count + 1,
                positivity_sum = positivity_sum + excluded.positivity_sum,
                rating_sum = rating_sum + excluded.rating_sum;
        END;

        CREATE TRIGGER reviews_tally_delete AFTER DELETE ON reviews BEGIN
            UPDATE review_tallies SET
                review_count = review_count - 1,
                positivity_sum = positivity_sum - (OLD.probability_positive + OLD.probability_neutral / 2.0),
                rating_sum = rating_sum - OLD.predicted_rating
            WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
              AND rating_bin = CAST(floor(OLD.predicted_rating + 0.5) AS INTEGER) AND day = substr(OLD.created_at, 1, 10);
            DELETE FROM review_tallies
            WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
              AND rating_bin = CAST(floor(OLD.predicted_rating + 0.5) AS INTEGER) AND day = substr(OLD.created_at, 1, 10)
              AND review_count <= 0;
        END;

        CREATE TRIGGER reviews_tally_update BEFORE UPDATE OF {ScoredColumns} ON reviews BEGIN
            SELECT RAISE(ABORT, '{ImmutableMessage}');
        END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER reviews_tally_update;
        DROP TRIGGER reviews_tally_delete;
        DROP TRIGGER reviews_tally_insert;
        """;
}
