namespace MovieGpt.Server.Data;

/// <summary>
/// The columns of <c>reviews</c>, named once for EF's mapping (<see cref="Configurations.ReviewConfiguration"/>), the
/// hand-written reads (<see cref="CatalogSql"/>) and both inserters, which take the list of <see cref="Inserted"/>
/// columns and their values from here and bind each by its name. A test holds the list to EF's model, so a column
/// added to <see cref="Review"/> but not here fails it.
/// </summary>
public static class ReviewColumns
{
    public const string Table = "reviews";
    public const string Id = "id";
    public const string MovieId = "movie_id";
    public const string Author = "author";
    public const string Content = "content";
    public const string SentimentLabel = "sentiment_label";
    public const string SentimentScore = "sentiment_score";
    public const string ProbabilityNegative = "probability_negative";
    public const string ProbabilityNeutral = "probability_neutral";
    public const string ProbabilityPositive = "probability_positive";
    public const string PredictedRating = "predicted_rating";
    public const string CreatedAt = "created_at";
    public const string Aspects = "aspects";
    public const string UserRating = "user_rating";
    public const string Spoiler = "spoiler";

    /// <summary>Every column a new review is inserted with (all but the generated id), with its value.</summary>
    public static readonly IReadOnlyList<ReviewColumn> Inserted =
    [
        new ReviewColumn<int>(MovieId, r => r.MovieId),
        new ReviewColumn<string>(Author, r => r.Author),
        new ReviewColumn<string>(Content, r => r.Content),
        new ReviewColumn<string>(SentimentLabel, r => r.SentimentLabel),
        new ReviewColumn<double>(SentimentScore, r => r.SentimentScore),
        new ReviewColumn<double>(ProbabilityNegative, r => r.ProbabilityNegative),
        new ReviewColumn<double>(ProbabilityNeutral, r => r.ProbabilityNeutral),
        new ReviewColumn<double>(ProbabilityPositive, r => r.ProbabilityPositive),
        new ReviewColumn<double>(PredictedRating, r => r.PredictedRating),
        // As EF's UTC converter stores it (MovieGptDbContext).
        new ReviewColumn<DateTime>(CreatedAt, r => r.CreatedAt.ToUniversalTime()),
        // The writer always computes them; an empty array is a review that names no aspect.
        new ReviewColumn<string>(Aspects, r => r.Aspects ?? AspectJson.None),
        new NullableReviewColumn<int>(UserRating, r => r.UserRating),
        new ReviewColumn<bool>(Spoiler, r => r.Spoiler),
    ];

    /// <summary>Every column, the id first, each qualified with the table's <paramref name="alias"/> (<c>r.id, r.movie_id, …</c>).</summary>
    public static string Qualified(string alias) => string.Join(", ", new[] { Id }.Concat(Inserted.Select(c => c.Name)).Select(name => $"{alias}.{name}"));

    /// <summary>The inserted columns' names, comma-separated, for an INSERT's column list.</summary>
    public static readonly string InsertedNames = string.Join(", ", Inserted.Select(c => c.Name));

    /// <summary>One parameter per inserted column, named after it (<c>@movie_id, @author, …</c>), in the same order.</summary>
    public static readonly string InsertedParameters = string.Join(", ", Inserted.Select(c => "@" + c.Name));
}

/// <summary>A column a new review is inserted with, and how to read its value from the entity.</summary>
public abstract class ReviewColumn(string name)
{
    /// <summary>The column's name, which is also its parameter's name.</summary>
    public string Name { get; } = name;

    /// <summary>The review's value; <see cref="DBNull"/> for a null.</summary>
    public abstract object Value(Review review);

    /// <summary>The column's values for the reviews, as a typed array (PostgreSQL binds one array per column).</summary>
    public abstract Array Values(IReadOnlyList<Review> reviews);
}

public sealed class ReviewColumn<T>(string name, Func<Review, T> value) : ReviewColumn(name) where T : notnull
{
    public override object Value(Review review) => value(review);

    public override Array Values(IReadOnlyList<Review> reviews)
    {
        var values = new T[reviews.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(reviews[i]);
        }
        return values;
    }
}

/// <summary>A column that may hold null: its values are bound as a nullable array, and a null one as <see cref="DBNull"/>.</summary>
public sealed class NullableReviewColumn<T>(string name, Func<Review, T?> value) : ReviewColumn(name) where T : struct
{
    public override object Value(Review review) => value(review) is { } v ? v : DBNull.Value;

    public override Array Values(IReadOnlyList<Review> reviews)
    {
        var values = new T?[reviews.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(reviews[i]);
        }
        return values;
    }
}
