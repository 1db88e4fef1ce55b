using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Extensions;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Apis;

public static class ReviewsApi
{
    public static RouteGroupBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reviews").WithTags("Reviews");

        group.MapPost("", CreateReview)
            .AddEndpointFilter<WriterFilter>()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .AddEndpointFilter<IdempotencyFilter<CreateReviewRequest>>()
            .AddEndpointFilter<ValidationFilter<CreateReviewRequest>>()
            .AddEndpointFilter(new UnreadableTextFilter("content", "리뷰에 읽을 수 있는 글자가 없습니다. (Content has no readable characters.)"))
            .WithSummary("Write a review; the sentiment engine scores it, and reads its aspects, before it is stored")
            .WithDescription("aspects lists what the review says about 연기, 스토리, 연출, 액션 and 음악: each with its label, score, and the evidence (start and length in the content, UTF-16 units). "
                + "Needs a signed-in user (the author is their 닉네임; an author in the body is ignored): 401 without one. One review per account and movie: a second is 409 with review_id, the existing one's id. "
                + IdempotencyFilter<CreateReviewRequest>.Description);
        group.MapGet("", ListReviews)
            .WithSummary("List reviews, newest first unless sorted otherwise")
            .WithDescription($"limit is capped at {Paging.MaxLimit}. {AspectQuery.Description} {ReviewListQuery.SortDescription}.");
        group.MapGet("/movie/{movie_id:int}", ListMovieReviews)
            .WithSummary("A movie's reviews, newest first unless sorted otherwise")
            .WithDescription($"{AspectQuery.Description} {ReviewListQuery.SortDescription}.");
        group.MapGet("/{id:int}", GetReview).WithSummary("Get a review");
        group.MapPut("/{id:int}", UpdateReview)
            .AddEndpointFilter<SignedInFilter>()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .AddEndpointFilter<ValidationFilter<UpdateReviewRequest>>()
            .AddEndpointFilter(new UnreadableTextFilter("content", "리뷰에 읽을 수 있는 글자가 없습니다. (Content has no readable characters.)"))
            .WithSummary("Edit your review: rescored, aspects recomputed, edited_at set")
            .WithDescription("content is required; user_rating (1–10, or null to take it away) and spoiler are optional: a field left out keeps its value. "
                + "Its author or an admin only: 401 when not signed in, 403 for someone else's review (a review written before accounts: admins only).");
        group.MapPost("/{id:int}/helpful", MarkHelpful)
            .AddEndpointFilter<SignedInFilter>()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Mark someone else's review 공감 (idempotent)")
            .WithDescription("One mark per account and review; marking again changes nothing. 403 for your own review.");
        group.MapDelete("/{id:int}/helpful", UnmarkHelpful)
            .AddEndpointFilter<SignedInFilter>()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Take your 공감 back (idempotent)");
        group.MapGet("/movie/{movie_id:int}/rating", GetMovieRating)
            .WithSummary("A movie's average sentiment score")
            .WithDescription("average_score is the mean of P(positive) + P(neutral)/2 over the movie's reviews, 0 when there are none: it rises with the share of positive reviews.");
        group.MapDelete("/{id:int}", DeleteReview)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Delete a review")
            .WithDescription("Its author or an admin only: 401 when not signed in, 403 for someone else's review.");
        return group;
    }

    public static async Task<Results<Created<ReviewResponse>, ProblemHttpResult>> CreateReview(
        CreateReviewRequest request, ClaimsPrincipal user, IOptions<AuthOptions> options, IReviewService reviews, CancellationToken ct)
    {
        var result = await reviews.WriteAsync(request, Caller.From(user, options.Value), ct);
        return result.Outcome == WriteOutcome.Done
            ? TypedResults.Created($"/api/reviews/{result.Value!.Id}", result.Value)
            : Refused(result.Outcome, result.ExistingReviewId, ApiResults.MovieNotFound);
    }

    public static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> GetReview(int id, IReviewService reviews, CancellationToken ct) =>
        await reviews.GetAsync(id, ct) is { } review ? TypedResults.Ok(review) : ApiResults.ReviewNotFound();

    public static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> UpdateReview(
        int id, UpdateReviewRequest request, ClaimsPrincipal user, IOptions<AuthOptions> options, IReviewService reviews, CancellationToken ct)
    {
        var result = await reviews.UpdateAsync(id, request, Caller.From(user, options.Value), ct);
        return result.Outcome == WriteOutcome.Done ? TypedResults.Ok(result.Value!) : Refused(result.Outcome);
    }

    public static Task<Results<Ok<HelpfulResponse>, ProblemHttpResult>> MarkHelpful(
        int id, ClaimsPrincipal user, IOptions<AuthOptions> options, IReviewService reviews, CancellationToken ct) =>
        Helpful(id, true, Caller.From(user, options.Value), reviews, ct);

    public static Task<Results<Ok<HelpfulResponse>, ProblemHttpResult>> UnmarkHelpful(
        int id, ClaimsPrincipal user, IOptions<AuthOptions> options, IReviewService reviews, CancellationToken ct) =>
        Helpful(id, false, Caller.From(user, options.Value), reviews, ct);

    private static async Task<Results<Ok<HelpfulResponse>, ProblemHttpResult>> Helpful(
        int id, bool helpful, Caller caller, IReviewService reviews, CancellationToken ct)
    {
        var result = await reviews.MarkHelpfulAsync(id, helpful, caller, ct);
        if (result.Outcome == WriteOutcome.Forbidden)
        {
            return TypedResults.Problem(detail: "자기 리뷰에는 공감할 수 없습니다. (You cannot mark your own review.)", statusCode: StatusCodes.Status403Forbidden);
        }
        return result.Outcome == WriteOutcome.Done ? TypedResults.Ok(new HelpfulResponse(id, result.Value, helpful)) : Refused(result.Outcome);
    }

    public static async Task<Results<Ok<IReadOnlyList<ReviewResponse>>, ProblemHttpResult>> ListReviews(
        IReviewService reviews, CancellationToken ct, [DefaultValue(0)] int skip = 0, [DefaultValue(10)] int limit = 10,
        [Description(AspectQuery.AspectDescription)] string? aspect = null, [Description(AspectQuery.LabelDescription)] string? label = null,
        [Description(ReviewListQuery.SentimentDescription)] string? sentiment = null, [Description(ReviewListQuery.SortDescription)] string? sort = null)
    {
        if ((Paging.Check(skip, limit) ?? AspectQuery.Check(aspect, label) ?? ReviewListQuery.Check(sentiment, sort)) is { } invalid)
        {
            return invalid;
        }
        return TypedResults.Ok(await reviews.ListAsync(skip, Paging.Cap(limit), ReviewListQuery.Query(null, aspect, label, sentiment, sort), ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<ReviewResponse>>, ProblemHttpResult>> ListMovieReviews(
        [FromRoute(Name = "movie_id")] int movieId, IMovieService movies, IReviewService reviews, CancellationToken ct,
        [DefaultValue(0)] int skip = 0, [DefaultValue(100)] int limit = 100,
        [Description(AspectQuery.AspectDescription)] string? aspect = null, [Description(AspectQuery.LabelDescription)] string? label = null,
        [Description(ReviewListQuery.SentimentDescription)] string? sentiment = null, [Description(ReviewListQuery.SortDescription)] string? sort = null)
    {
        if ((Paging.Check(skip, limit) ?? AspectQuery.Check(aspect, label) ?? ReviewListQuery.Check(sentiment, sort)) is { } invalid)
        {
            return invalid;
        }
        // One query when the movie has reviews on this page; only an empty page needs to ask whether the movie exists.
        var page = await reviews.ListAsync(skip, Paging.Cap(limit), ReviewListQuery.Query(movieId, aspect, label, sentiment, sort), ct);
        return page.Count == 0 && !await movies.ExistsAsync(movieId, ct) ? ApiResults.MovieNotFound() : TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<MovieRatingResponse>, ProblemHttpResult>> GetMovieRating(
        [FromRoute(Name = "movie_id")] int movieId, IMovieService movies, CancellationToken ct) =>
        await movies.GetAsync(movieId, ct) is { } movie
            ? TypedResults.Ok(new MovieRatingResponse(movie.Id, Math.Round(movie.AverageScore, 4), movie.ReviewCount))
            : ApiResults.MovieNotFound();

    public static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> DeleteReview(
        int id, ClaimsPrincipal user, IOptions<AuthOptions> options, IReviewService reviews, CancellationToken ct)
    {
        var outcome = await reviews.DeleteAsync(id, Caller.From(user, options.Value), ct);
        return outcome == WriteOutcome.Done ? TypedResults.Ok(new MessageResponse("Review deleted successfully")) : Refused(outcome);
    }

    private static ProblemHttpResult Refused(WriteOutcome outcome, int? existingReviewId = null, Func<ProblemHttpResult>? notFound = null) => outcome switch
    {
        WriteOutcome.Unauthorized => ApiResults.NotSignedIn(),
        WriteOutcome.Forbidden => ApiResults.NotYours(),
        WriteOutcome.Conflict => TypedResults.Problem(
            detail: "이 영화에 이미 리뷰를 썼습니다. 그 리뷰를 수정해 주세요. (You already reviewed this movie: edit that review, review_id.)",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["review_id"] = existingReviewId }),
        _ => (notFound ?? ApiResults.ReviewNotFound)(),
    };
}
