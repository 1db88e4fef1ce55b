using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Server.Contracts;

/// <summary>
/// A stored review with the engine's verdict, and what it says per aspect (<see cref="AspectNames.All"/> order; empty
/// when it names none, or while a review stored before aspects existed waits for the back-fill); the writer's own 별점
/// (1–10, null when none was given) and whether the writer marked it as a spoiler. <see cref="UserId"/> is
/// the account that wrote it (null before accounts or anonymously), <see cref="HelpfulCount"/> its 공감 marks.
/// </summary>
public sealed record ReviewResponse(
    int Id,
    int MovieId,
    string? MovieTitle,
    string Author,
    string Content,
    string SentimentLabel,
    double SentimentScore,
    SentimentProbabilities SentimentProbabilities,
    double PredictedRating,
    DateTime CreatedAt,
    IReadOnlyList<AspectMention> Aspects,
    int? UserRating = null,
    bool Spoiler = false,
    int? UserId = null,
    DateTime? EditedAt = null,
    int HelpfulCount = 0);

/// <summary>A review's 공감 count after a mark (<see cref="Helpful"/>: the caller's mark is now on) or an unmark.</summary>
public sealed record HelpfulResponse(int ReviewId, int HelpfulCount, bool Helpful);

/// <summary>
/// The order of a review list: newest first, by 별점 (the model's predicted rating where the writer gave none), or most
/// 공감 first.
/// </summary>
public enum ReviewSort
{
    Newest,
    RatingDesc,
    RatingAsc,
    Helpful,
}

/// <summary>
/// The body of PUT /api/reviews/{id}: the new text, rescored when stored, and optionally a new 별점 and spoiler flag; a
/// field left out keeps its value (the text-only body of the first version stays valid).
/// </summary>
public sealed class UpdateReviewRequest : IValidatableObject
{
    private int? _userRating;

    [Required(ErrorMessage = "리뷰 내용은 필수입니다. (Content is required.)")]
    [StringLength(CreateReviewRequest.MaxContentUnits, ErrorMessage = CreateReviewRequest.TooLongMessage)]
    [StorableText]
    public string Content { get; set; } = "";

    /// <summary>The new 별점, 1–10, or null to take it away; left out, unchanged.</summary>
    [Range(1, 10, ErrorMessage = "별점은 1–10입니다. (user_rating must be 1–10.)")]
    public int? UserRating
    {
        get => _userRating;
        set
        {
            _userRating = value;
            HasUserRating = true;
        }
    }

    /// <summary>Whether the body carried <c>user_rating</c> (null included): the serializer sets it only when present.</summary>
    [JsonIgnore]
    public bool HasUserRating { get; private set; }

    /// <summary>The new spoiler flag; left out (or null), unchanged.</summary>
    public bool? Spoiler { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        CreateReviewRequest.CheckContentLength(Content);
}

/// <summary>
/// Which reviews to list and in what order: one movie's (all, without one), by what they say about an aspect, by their
/// sentiment label (a known label name, checked by the caller); ties in the order go to the newer review.
/// </summary>
public sealed record ReviewQuery(int? MovieId = null, AspectFilter? Aspects = null, string? Sentiment = null, ReviewSort Sort = ReviewSort.Newest)
{
    /// <summary>The same query with an empty aspect filter dropped.</summary>
    public ReviewQuery Normalized() => Aspects is { IsEmpty: true } ? this with { Aspects = null } : this;
}

/// <summary>Which reviews to list by what they say about an aspect: either or both may be set (checked by the caller).</summary>
public sealed record AspectFilter(string? Aspect, string? Label)
{
    public bool IsEmpty => Aspect is null && Label is null;
}

/// <summary>
/// How a movie's reviews judge one aspect: the reviews that mention it, per label, and the positive share of those
/// mentions (0 without mentions).
/// </summary>
public sealed record AspectSummary(string Aspect, int Mentions, int Positive, int Negative, int Neutral, double PositiveShare);

/// <summary>The body of POST /api/reviews/; a mutable class so Blazor forms can bind to it.</summary>
public sealed class CreateReviewRequest : IValidatableObject
{
    /// <summary>In text elements (<see cref="TextElements"/>), after trimming; so is the maximum.</summary>
    public const int MinContentLength = 5;
    public const int MaxContentLength = 5000;

    /// <summary>
    /// The column's size in UTF-16 units: 5,000 text elements of four units each on average, so any review a person
    /// writes fits (a syllable is one unit, most emoji two to four) while the row stays bounded.
    /// </summary>
    public const int MaxContentUnits = 4 * MaxContentLength;

    public const string TooLongMessage = "리뷰는 5,000자 이하입니다. (Content must be at most 5,000 characters.)";

    [Range(1, int.MaxValue, ErrorMessage = "영화를 선택해 주세요. (movie_id must be a positive id.)")]
    public int MovieId { get; set; }

    [Required(ErrorMessage = "작성자는 필수입니다. (Author is required.)")]
    [StringLength(100, MinimumLength = 1, ErrorMessage = "작성자는 1–100자입니다. (Author must be 1–100 characters.)")]
    [StorableText]
    public string Author { get; set; } = "";

    [Required(ErrorMessage = "리뷰 내용은 필수입니다. (Content is required.)")]
    [StringLength(MaxContentUnits, ErrorMessage = TooLongMessage)]
    [StorableText]
    public string Content { get; set; } = "";

    /// <summary>The writer's own 별점, 1–10 (five stars of two halves); optional.</summary>
    [Range(1, 10, ErrorMessage = "별점은 1–10입니다. (user_rating must be 1–10.)")]
    public int? UserRating { get; set; }

    /// <summary>Whether the review gives the plot away; the UI hides its text until asked.</summary>
    public bool Spoiler { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Author is not null && Author.Length > 0 && string.IsNullOrWhiteSpace(Author))
        {
            yield return new ValidationResult("작성자를 입력해 주세요. (Author must not be blank.)", [nameof(Author)]);
        }
        foreach (var result in CheckContentLength(Content))
        {
            yield return result;
        }
    }

    /// <summary>The length rules a new and an edited review share, counted as the form's counter counts.</summary>
    internal static IEnumerable<ValidationResult> CheckContentLength(string? content)
    {
        if (content is null)
        {
            yield break;
        }
        var length = TextElements.Count(content.Trim());
        if (length < MinContentLength)
        {
            yield return new ValidationResult("리뷰는 공백을 빼고 5자 이상이어야 합니다. (Content must have at least 5 characters after trimming.)", [nameof(Content)]);
        }
        else if (TextElements.Count(content) > MaxContentLength)
        {
            yield return new ValidationResult(TooLongMessage, [nameof(Content)]);
        }
    }
}

/// <summary>
/// Statistics over a set of reviews (one movie's, or all of them). Average score is the mean positivity,
/// P(positive) + P(neutral)/2, so it rises with the share of positive reviews; 0 when there are none.
/// <see cref="AverageUserRating"/> is the mean of the writers' own 별점 (1–10) over the <see cref="UserRatingCount"/>
/// reviews that carry one, null when none does.
/// </summary>
public sealed record ReviewStatsResponse(
    int ReviewCount,
    double AverageScore,
    int PositiveCount,
    int NeutralCount,
    int NegativeCount,
    double PositiveShare,
    double NeutralShare,
    double NegativeShare,
    double? MeanPredictedRating,
    IReadOnlyList<int> RatingHistogram,
    DateTime? FirstReviewAt,
    DateTime? LastReviewAt,
    IReadOnlyList<SentimentTimelinePoint> Timeline,
    double? AverageUserRating = null,
    int UserRatingCount = 0);

/// <summary>One day of reviews for the "sentiment over time" chart.</summary>
public sealed record SentimentTimelinePoint(DateOnly Date, int ReviewCount, double AverageScore);

/// <summary>GET /api/movies/{id}/stats; <see cref="Aspects"/> has each of the five aspects, in <see cref="AspectNames.All"/> order.</summary>
public sealed record MovieStatsResponse(int MovieId, string Title, ReviewStatsResponse Stats, IReadOnlyList<AspectSummary> Aspects);

public sealed record SentimentRequest(string? Text);

public sealed record SentimentBatchRequest(IReadOnlyList<string>? Texts);

public sealed record SentimentBatchResponse(IReadOnlyList<SentimentResult> Results);
