using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatementTallyTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One tally statement per INSERT or DELETE statement, over its transition table, instead of a PL/pgSQL call
            // per review (the writer inserts a batch per statement). PostgreSQL allows a transition table only on a
            // single-event trigger, and ON CONFLICT may touch a row once per statement: hence two triggers and the GROUP BY.
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_update ON reviews;
                DROP TRIGGER reviews_tally_insert_delete ON reviews;
                DROP FUNCTION reviews_tally();

                CREATE FUNCTION reviews_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum)
                    SELECT movie_id, sentiment_label, floor(predicted_rating + 0.5)::int, (created_at AT TIME ZONE 'UTC')::date,
                           COUNT(*), SUM(probability_positive + probability_neutral / 2.0), SUM(predicted_rating)
                    FROM inserted
                    GROUP BY 1, 2, 3, 4
                    ON CONFLICT (movie_id, sentiment_label, rating_bin, day) DO UPDATE SET
                        review_count = review_tallies.review_count + EXCLUDED.review_count,
                        positivity_sum = review_tallies.positivity_sum + EXCLUDED.positivity_sum,
                        rating_sum = review_tallies.rating_sum + EXCLUDED.rating_sum;
                    RETURN NULL;
                END
                $$;

                CREATE FUNCTION reviews_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE review_tallies t SET
                        review_count = t.review_count - gone.review_count,
                        positivity_sum = t.positivity_sum - gone.positivity_sum,
                        rating_sum = t.rating_sum - gone.rating_sum
                    FROM (SELECT movie_id, sentiment_label, floor(predicted_rating + 0.5)::int AS rating_bin, (created_at AT TIME ZONE 'UTC')::date AS day, COUNT(*) AS review_count,
                                 SUM(probability_positive + probability_neutral / 2.0) AS positivity_sum, SUM(predicted_rating) AS rating_sum
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

                CREATE FUNCTION reviews_refuse_edit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'reviews are not edited in place: delete the review and write a new one';
                END
                $$;

                CREATE TRIGGER reviews_tally_insert AFTER INSERT ON reviews REFERENCING NEW TABLE AS inserted
                    FOR EACH STATEMENT EXECUTE FUNCTION reviews_tally_inserted();
                CREATE TRIGGER reviews_tally_delete AFTER DELETE ON reviews REFERENCING OLD TABLE AS deleted
                    FOR EACH STATEMENT EXECUTE FUNCTION reviews_tally_deleted();
                CREATE TRIGGER reviews_tally_update BEFORE UPDATE OF movie_id, sentiment_label, predicted_rating, probability_positive, probability_neutral, created_at ON reviews
                    FOR EACH ROW EXECUTE FUNCTION reviews_refuse_edit();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_update ON reviews;
                DROP TRIGGER reviews_tally_delete ON reviews;
                DROP TRIGGER reviews_tally_insert ON reviews;
                DROP FUNCTION reviews_refuse_edit();
                DROP FUNCTION reviews_tally_deleted();
                DROP FUNCTION reviews_tally_inserted();
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
    }
}
