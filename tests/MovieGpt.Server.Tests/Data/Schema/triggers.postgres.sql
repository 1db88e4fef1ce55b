CREATE TRIGGER reviews_aspects_insert AFTER INSERT ON public.reviews REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION reviews_aspects_inserted();

CREATE OR REPLACE FUNCTION public.reviews_aspects_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    INSERT INTO review_aspects (review_id, movie_id, aspect, label)
    SELECT i.id, i.movie_id, m ->> 'aspect', m ->> 'label'
    FROM inserted AS i CROSS JOIN LATERAL jsonb_array_elements(i.aspects::jsonb) AS m
    WHERE i.aspects IS NOT NULL;
    RETURN NULL;
END
$function$
;

CREATE TRIGGER reviews_aspects_update AFTER UPDATE OF aspects ON public.reviews FOR EACH ROW WHEN ((old.aspects IS DISTINCT FROM new.aspects)) EXECUTE FUNCTION reviews_aspects_updated();

CREATE OR REPLACE FUNCTION public.reviews_aspects_updated()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    DELETE FROM review_aspects WHERE review_id = OLD.id;
    INSERT INTO review_aspects (review_id, movie_id, aspect, label)
    SELECT NEW.id, NEW.movie_id, m ->> 'aspect', m ->> 'label'
    FROM jsonb_array_elements(COALESCE(NEW.aspects, '[]')::jsonb) AS m;
    RETURN NULL;
END
$function$
;

CREATE OR REPLACE FUNCTION public.reviews_refuse_edit()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    RAISE EXCEPTION 'a review keeps its movie and its time: delete it and write a new one';
END
$function$
;

CREATE TRIGGER reviews_tally_delete AFTER DELETE ON public.reviews REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION reviews_tally_deleted();

CREATE OR REPLACE FUNCTION public.reviews_tally_deleted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$
;

CREATE TRIGGER reviews_tally_edit AFTER UPDATE OF sentiment_label, predicted_rating, probability_positive, probability_neutral, user_rating ON public.reviews FOR EACH ROW EXECUTE FUNCTION reviews_tally_edited();

CREATE OR REPLACE FUNCTION public.reviews_tally_edited()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    UPDATE review_tallies SET
        review_count = review_count - 1,
        positivity_sum = positivity_sum - (OLD.probability_positive + OLD.probability_neutral / 2.0),
        rating_sum = rating_sum - OLD.predicted_rating,
        user_rating_count = user_rating_count - (OLD.user_rating IS NOT NULL)::int,
        user_rating_sum = user_rating_sum - COALESCE(OLD.user_rating, 0)
    WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
      AND rating_bin = floor(OLD.predicted_rating + 0.5)::int AND day = (OLD.created_at AT TIME ZONE 'Asia/Seoul')::date;
    DELETE FROM review_tallies
    WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
      AND rating_bin = floor(OLD.predicted_rating + 0.5)::int AND day = (OLD.created_at AT TIME ZONE 'Asia/Seoul')::date
      AND review_count <= 0;
    INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
    VALUES (NEW.movie_id, NEW.sentiment_label, floor(NEW.predicted_rating + 0.5)::int, (NEW.created_at AT TIME ZONE 'Asia/Seoul')::date,
            1, NEW.probability_positive + NEW.probability_neutral / 2.0, NEW.predicted_rating,
            (NEW.user_rating IS NOT NULL)::int, COALESCE(NEW.user_rating, 0))
    ON CONFLICT (movie_id, sentiment_label, rating_bin, day) DO UPDATE SET
        review_count = review_tallies.review_count + 1,
        positivity_sum = review_tallies.positivity_sum + EXCLUDED.positivity_sum,
        rating_sum = review_tallies.rating_sum + EXCLUDED.rating_sum,
        user_rating_count = review_tallies.user_rating_count + EXCLUDED.user_rating_count,
        user_rating_sum = review_tallies.user_rating_sum + EXCLUDED.user_rating_sum;
    RETURN NULL;
END
$function$
;

CREATE TRIGGER reviews_tally_insert AFTER INSERT ON public.reviews REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION reviews_tally_inserted();

CREATE OR REPLACE FUNCTION public.reviews_tally_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$
;

CREATE TRIGGER reviews_tally_update BEFORE UPDATE OF movie_id, created_at ON public.reviews FOR EACH ROW WHEN (((old.movie_id IS DISTINCT FROM new.movie_id) OR (old.created_at IS DISTINCT FROM new.created_at))) EXECUTE FUNCTION reviews_refuse_edit();
