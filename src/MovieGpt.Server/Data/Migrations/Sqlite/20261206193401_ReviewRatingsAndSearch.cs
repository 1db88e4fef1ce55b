using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewRatingsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "spoiler",
                table: "reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "user_rating",
                table: "reviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "user_rating_count",
                table: "review_tallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "user_rating_sum",
                table: "review_tallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "search_initials",
                table: "movies",
                type: "TEXT",
                maxLength: 410,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_key",
                table: "movies",
                type: "TEXT",
                maxLength: 410,
                nullable: true);

            // The tallies count and sum the writers' 별점 too (reviews stored before have none: the new columns' 0 is
            // right for them), and a review's 별점 is not edited in place either.
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_update;
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
                CREATE TRIGGER reviews_tally_update BEFORE UPDATE OF movie_id, sentiment_label, predicted_rating, probability_positive, probability_neutral, created_at, user_rating ON reviews BEGIN
                    SELECT RAISE(ABORT, 'reviews are not edited in place: delete the review and write a new one');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_update;
                DROP TRIGGER reviews_tally_delete;
                DROP TRIGGER reviews_tally_insert;
                CREATE TRIGGER reviews_tally_insert AFTER INSERT ON reviews BEGIN
                    INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum)
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
                CREATE TRIGGER reviews_tally_update BEFORE UPDATE OF movie_id, sentiment_label, predicted_rating, probability_positive, probability_neutral, created_at ON reviews BEGIN
                    SELECT RAISE(ABORT, 'reviews are not edited in place: delete the review and write a new one');
                END;
                """);

            migrationBuilder.DropColumn(
                name: "spoiler",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "user_rating",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "user_rating_count",
                table: "review_tallies");

            migrationBuilder.DropColumn(
                name: "user_rating_sum",
                table: "review_tallies");

            migrationBuilder.DropColumn(
                name: "search_initials",
                table: "movies");

            migrationBuilder.DropColumn(
                name: "search_key",
                table: "movies");
        }
    }
}
