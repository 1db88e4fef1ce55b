using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TallyDaysInKst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reviews are tallied by their day in Korea (Asia/Seoul, the day readers see beside each review), and the
            // tallies stored by UTC day are counted again.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION reviews_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
                    SELECT movie_id, sentiment_label, floor(predicted_rating + 0.5)::int, (created_at AT TIME ZONE 'Asia/Seoul')::date,
                           COUNT(*), SUM(probability_positive + probability_neutral / 2.0), SUM(predicted_rating),
                           COUNT(user_rating), COALESCE(SUM(user_rating), 0)
                    FROM inserted
                    GROUP BY 1, 2, 3, 4
                    ON CONFLICT (movie_id, sentiment_label, rating_bin, day) DO UPDATE SET
                        review_count = review_tallies.review_count + EXCLUDED.review_count,
                        positivity_sum = review_tallies.positivity_sum + EXCLUDED.positivity_sum,
                        rating_sum = review_tallies.rating_sum + EXCLUDED.rating_sum,
                        user_rating_count = review_tallies.user_rating_count + EXCLUDED.user_rating_count,
                        user_rating_sum = review_tallies.user_rating_sum + EXCLUDED.user_rating_sum;
                    RETURN NULL;
                END
                $$;
                CREATE OR REPLACE FUNCTION reviews_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE review_tallies t SET
                        review_count = t.review_count - gone.review_count,
                        positivity_sum = t.positivity_sum - gone.positivity_sum,
                        rating_sum = t.rating_sum - gone.rating_sum,
                        user_rating_count = t.user_rating_count - gone.user_rating_count,
                        user_rating_sum = t.user_rating_sum - gone.user_rating_sum
                    FROM (SELECT movie_id, sentiment_label, floor(predicted_rating + 0.5)::int AS rating_bin, (created_at AT TIME ZONE 'Asia/Seoul')::date AS day, COUNT(*) AS review_count,
                                 SUM(probability_positive + probability_neutral / 2.0) AS positivity_sum, SUM(predicted_rating) AS rating_sum,
                                 COUNT(user_rating) AS user_rating_count, COALESCE(SUM(user_rating), 0) AS user_rating_sum
                          FROM deleted
                          GROUP BY 1, 2, 3, 4) gone
                    WHERE t.movie_id = gone.movie_id AND t.sentiment_label = gone.sentiment_label
                      AND t.rating_bin = gone.rating_bin AND t.day = gone.day;
                    DELETE FROM review_tallies t
                    WHERE t.review_count <= 0
                      AND t.movie_id IN (SELECT movie_id FROM deleted);
                    RETURN NULL;
                END
                $$;
                DELETE FROM review_tallies;
                INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
                SELECT movie_id, sentiment_label, floor(predicted_rating + 0.5)::int, (created_at AT TIME ZONE 'Asia/Seoul')::date,
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
                CREATE OR REPLACE FUNCTION reviews_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
                    SELECT movie_id, sentiment_label, floor(predicted_rating + 0.5)::int, (created_at AT TIME ZONE 'UTC')::date,
                           COUNT(*), SUM(probability_positive + probability_neutral / 2.0), SUM(predicted_rating),
                           COUNT(user_rating), COALESCE(SUM(user_rating), 0)
                    FROM inserted
                    GROUP BY 1, 2, 3, 4
                    ON CONFLICT (movie_id, sentiment_label, rating_bin, day) DO UPDATE SET
                        review_count = review_tallies.review_count + EXCLUDED.review_count,
                        positivity_sum = review_tallies.positivity_sum + EXCLUDED.positivity_sum,
                        rating_sum = review_tallies.rating_sum + EXCLUDED.rating_sum,
                        user_rating_count = review_tallies.user_rating_count + EXCLUDED.user_rating_count,
                        user_rating_sum = review_tallies.user_rating_sum + EXCLUDED.user_rating_sum;
                    RETURN NULL;
                END
                $$;
                CREATE OR REPLACE FUNCTION reviews_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE review_tallies t SET
                        review_count = t.review_count - gone.review_count,
                        positivity_sum = t.positivity_sum - gone.positivity_sum,
                        rating_sum = t.rating_sum - gone.rating_sum,
                        user_rating_count = t.user_rating_count - gone.user_rating_count,
                        user_rating_sum = t.user_rating_sum - gone.user_rating_sum
                    FROM (SELECT movie_id, sentiment_label, floor(predicted_rating + 0.5)::int AS rating_bin, (created_at AT TIME ZONE 'UTC')::date AS day, COUNT(*) AS review_count,
                                 SUM(probability_positive + probability_neutral / 2.0) AS positivity_sum, SUM(predicted_rating) AS rating_sum,
                                 COUNT(user_rating) AS user_rating_count, COALESCE(SUM(user_rating), 0) AS user_rating_sum
                          FROM deleted
                          GROUP BY 1, 2, 3, 4) gone
                    WHERE t.movie_id = gone.movie_id AND t.sentiment_label = gone.sentiment_label
                      AND t.rating_bin = gone.rating_bin AND t.day = gone.day;
                    DELETE FROM review_tallies t
                    WHERE t.review_count <= 0
                      AND t.movie_id IN (SELECT movie_id FROM deleted);
                    RETURN NULL;
                END
                $$;
                DELETE FROM review_tallies;
                INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
                SELECT movie_id, sentiment_label, floor(predicted_rating + 0.5)::int, (created_at AT TIME ZONE 'UTC')::date,
                       COUNT(*), SUM(probability_positive + probability_neutral / 2.0), SUM(predicted_rating),
                       COUNT(user_rating), COALESCE(SUM(user_rating), 0)
                FROM reviews
                GROUP BY 1, 2, 3, 4;
                """);
        }
    }
}
