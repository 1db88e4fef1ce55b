using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TallyDaysInKst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reviews are tallied by their day in Korea (UTC+9, no daylight saving since 1988), the day readers see beside
            // each review, and the tallies stored by UTC day are counted again.
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_delete;
                DROP TRIGGER reviews_tally_insert;
                CREATE TRIGGER reviews_tally_insert AFTER INSERT ON reviews BEGIN
                    INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
                    VALUES (NEW.movie_id, NEW.sentiment_label, CAST(floor(NEW.predicted_rating + 0.5) AS INTEGER), date(NEW.created_at, '+9 hours'),
                            1, NEW.probability_positive + NEW.probability_neutral / 2.0, NEW.predicted_rating,
                            NEW.user_rating IS NOT NULL, COALESCE(NEW.user_rating, 0))
                    ON CONFLICT (movie_id, sentiment_label, rating_bin, day) DO UPDATE SET
                        review_count = review_count + 1,
                        positivity_sum = positivity_sum + excluded.positivity_sum,
                        rating_sum = rating_sum + excluded.rating_sum,
                        user_rating_count = user_rating_count + excluded.user_rating_count,
                        user_rating_sum = user_rating_sum + excluded.user_rating_sum;
                END;
                CREATE TRIGGER reviews_tally_delete AFTER DELETE ON reviews BEGIN
                    UPDATE review_tallies SET
                        review_count = review_count - 1,
                        positivity_sum = positivity_sum - (OLD.probability_positive + OLD.probability_neutral / 2.0),
                        rating_sum = rating_sum - OLD.predicted_rating,
                        user_rating_count = user_rating_count - (OLD.user_rating IS NOT NULL),
                        user_rating_sum = user_rating_sum - COALESCE(OLD.user_rating, 0)
                    WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
                      AND rating_bin = CAST(floor(OLD.predicted_rating + 0.5) AS INTEGER) AND day = date(OLD.created_at, '+9 hours');
                    DELETE FROM review_tallies
                    WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
                      AND rating_bin = CAST(floor(OLD.predicted_rating + 0.5) AS INTEGER) AND day = date(OLD.created_at, '+9 hours')
                      AND review_count <= 0;
                END;
                DELETE FROM review_tallies;
                INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
                SELECT movie_id, sentiment_label, CAST(floor(predicted_rating + 0.5) AS INTEGER), date(created_at, '+9 hours'),
                       COUNT(*), SUM(probability_positive + probability_neutral / 2.0), SUM(predicted_rating),
                       COUNT(user_rating), COALESCE(SUM(user_rating), 0)
                FROM reviews
                GROUP BY 1, 2, 3, 4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_delete;
                DROP TRIGGER reviews_tally_insert;
                CREATE TRIGGER reviews_tally_insert AFTER INSERT ON reviews BEGIN
                    INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
                    VALUES (NEW.movie_id, NEW.sentiment_label, CAST(floor(NEW.predicted_rating + 0.5) AS INTEGER), substr(NEW.created_at, 1, 10),
                            1, NEW.probability_positive + NEW.probability_neutral / 2.0, NEW.predicted_rating,
                            NEW.user_rating IS NOT NULL, COALESCE(NEW.user_rating, 0))
                    ON CONFLICT (movie_id, sentiment_label, rating_bin, day) DO UPDATE SET
                        review_count = review_count + 1,
                        positivity_sum = positivity_sum + excluded.positivity_sum,
                        rating_sum = rating_sum + excluded.rating_sum,
                        user_rating_count = user_rating_count + excluded.user_rating_count,
                        user_rating_sum = user_rating_sum + excluded.user_rating_sum;
                END;
                CREATE TRIGGER reviews_tally_delete AFTER DELETE ON reviews BEGIN
                    UPDATE review_tallies SET
                        review_count = review_count - 1,
                        positivity_sum = positivity_sum - (OLD.probability_positive + OLD.probability_neutral / 2.0),
                        rating_sum = rating_sum - OLD.predicted_rating,
                        user_rating_count = user_rating_count - (OLD.user_rating IS NOT NULL),
                        user_rating_sum = user_rating_sum - COALESCE(OLD.user_rating, 0)
                    WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
                      AND rating_bin = CAST(floor(OLD.predicted_rating + 0.5) AS INTEGER) AND day = substr(OLD.created_at, 1, 10);
                    DELETE FROM review_tallies
                    WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
                      AND rating_bin = CAST(floor(OLD.predicted_rating + 0.5) AS INTEGER) AND day = substr(OLD.created_at, 1, 10)
                      AND review_count <= 0;
                END;
                DELETE FROM review_tallies;
                INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
                SELECT movie_id, sentiment_label, CAST(floor(predicted_rating + 0.5) AS INTEGER), substr(created_at, 1, 10),
                       COUNT(*), SUM(probability_positive + probability_neutral / 2.0), SUM(predicted_rating),
                       COUNT(user_rating), COALESCE(SUM(user_rating), 0)
                FROM reviews
                GROUP BY 1, 2, 3, 4;
                """);
        }
    }
}
