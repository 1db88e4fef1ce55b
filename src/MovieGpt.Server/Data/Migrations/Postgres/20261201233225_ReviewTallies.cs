using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Postgres
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
                    movie_id = table.Column<int>(type: "integer", nullable: false),
                    sentiment_label = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rating_bin = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    review_count = table.Column<int>(type: "integer", nullable: false),
                    positivity_sum = table.Column<double>(type: "double precision", nullable: false),
                    rating_sum = table.Column<double>(type: "double precision", nullable: false)
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
                SELECT movie_id, sentiment_label, floor(predicted_rating + 0.5)::int, (created_at AT TIME ZONE 'UTC')::date,
                       COUNT(*), SUM(probability_positive + probability_neutral / 2.0), SUM(predicted_rating)
                FROM reviews
                GROUP BY 1, 2, 3, 4;
                CREATE FUNCTION reviews_tally() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum)
                        VALUES (NEW.movie_id, NEW.sentiment_label, floor(NEW.predicted_rating + 0.5)::int, (NEW.created_at AT TIME ZONE 'UTC')::date,
                                1, NEW.probability_positive + NEW.probability_neutral / 2.0, NEW.predicted_rating)
                        ON CONFLICT (movie_id, sentiment_label, rating_bin, day) DO UPDATE SET
                            review_count = review_tallies.review_count + 1,
                            positivity_sum = review_tallies.positivity_sum + EXCLUDED.positivity_sum,
                            rating_sum = review_tallies.rating_sum + EXCLUDED.rating_sum;
                        RETURN NEW;
                    ELSIF TG_OP = 'DELETE' THEN
                        UPDATE review_tallies SET
                            review_count = review_count - 1,
                            positivity_sum = positivity_sum - (OLD.probability_positive + OLD.probability_neutral / 2.0),
                            rating_sum = rating_sum - OLD.predicted_rating
                        WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
                          AND rating_bin = floor(OLD.predicted_rating + 0.5)::int AND day = (OLD.created_at AT TIME ZONE 'UTC')::date;
                        DELETE FROM review_tallies
                        WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
                          AND rating_bin = floor(OLD.predicted_rating + 0.5)::int AND day = (OLD.created_at AT TIME ZONE 'UTC')::date
                          AND review_count <= 0;
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'reviews are not edited in place: delete the review and write a new one';
                END
                $$;

                CREATE TRIGGER reviews_tally_insert_delete AFTER INSERT OR DELETE ON reviews
                    FOR EACH ROW EXECUTE FUNCTION reviews_tally();
                CREATE TRIGGER reviews_tally_update BEFORE UPDATE OF movie_id, sentiment_label, predicted_rating, probability_positive, probability_neutral, created_at ON reviews
                    FOR EACH ROW EXECUTE FUNCTION reviews_tally();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_update ON reviews;
                DROP TRIGGER reviews_tally_insert_delete ON reviews;
                DROP FUNCTION reviews_tally();
                """);

            migrationBuilder.DropTable(
                name: "review_tallies");
        }
    }
}
