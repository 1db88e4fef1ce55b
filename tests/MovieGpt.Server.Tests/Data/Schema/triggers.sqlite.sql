CREATE TRIGGER reviews_aspects_insert AFTER INSERT ON reviews WHEN NEW.aspects IS NOT NULL BEGIN
    INSERT INTO review_aspects (review_id, movie_id, aspect, label)
    SELECT NEW.id, NEW.movie_id, json_extract(value, '$.aspect'), json_extract(value, '$.label')
    FROM json_each(NEW.aspects);
END;

CREATE TRIGGER reviews_aspects_update AFTER UPDATE OF aspects ON reviews BEGIN
    DELETE FROM review_aspects WHERE review_id = OLD.id;
    INSERT INTO review_aspects (review_id, movie_id, aspect, label)
    SELECT NEW.id, NEW.movie_id, json_extract(value, '$.aspect'), json_extract(value, '$.label')
    FROM json_each(NEW.aspects);
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

CREATE TRIGGER reviews_tally_edit AFTER UPDATE OF sentiment_label, predicted_rating, probability_positive, probability_neutral, user_rating ON reviews BEGIN
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

CREATE TRIGGER reviews_tally_update BEFORE UPDATE OF movie_id, created_at ON reviews
WHEN NEW.movie_id IS NOT OLD.movie_id OR NEW.created_at IS NOT OLD.created_at BEGIN
    SELECT RAISE(ABORT, 'a review keeps its movie and its time: delete it and write a new one');
END;
