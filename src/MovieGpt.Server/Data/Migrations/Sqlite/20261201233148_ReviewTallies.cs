using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "review_tallies",
                columns: table => new
                {
                    movie_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sentiment_label = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    rating_bin = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    review_count = table.Column<int>(type: "INTEGER", nullable: false),
                    positivity_sum = table.Column<double>(type: "REAL", nullable: false),
                    rating_sum = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_tallies", x => new { x.movie_id, x.sentiment_label, x.rating_bin, x.day });
                    table.ForeignKey(
                        name: "FK_review_tallies_movies_movie_id",
                        column: x => x.movie_id,
                        principalTable: "movies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Filled from the reviews already stored, then kept by triggers.
            migrationBuilder.Sql("""
                INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum)
                SELECT movie_id, sentiment_label, CAST(floor(predicted_rating + 0.5) AS INTEGER), substr(created_at, 1, 10),
                       COUNT(*), SUM(probability_positive + probability_neutral / 2.0), SUM(predicted_rating)
                FROM reviews
                GROUP BY 1, 2, 3, 4;

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_update;
                DROP TRIGGER reviews_tally_delete;
                DROP TRIGGER reviews_tally_insert;
                """);

            migrationBuilder.DropTable(
                name: "review_tallies");
        }
    }
}
