using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .AddEndpointFilter<IdempotencyFilter<CreateReviewRequest>>()
            .AddEndpointFilter<ValidationFilter<CreateReviewRequest>>()
            .AddEndpointFilter(new UnreadableTextFilter("content", "리뷰에 읽을 수 있는 글자가 없습니다. (Content has no readable characters.)"))
            .WithSummary("Write a review; the sentiment engine scores it, and reads its aspects, before it is stored")
            .WithDescription("aspects lists what the review says about 연기, 스토리, 연출, 액션 and 음악: each with its label, score, and the evidence (start and length in the content, UTF-16 units). "
                + IdempotencyFilter<CreateReviewRequest>.Description);
        group.MapGet("", ListReviews)
            .WithSummary("List reviews, newest first unless sorted otherwise")
            .WithDescription($"limit is capped at {Paging.MaxLimit}. {AspectQuery.Description} {ReviewListQuery.SortDescription}.");
        group.MapGet("/movie/{movie_id:int}", ListMovieReviews)
            .WithSummary("A movie's reviews, newest first unless sorted otherwise")
            .WithDescription($"{AspectQuery.Description} {ReviewListQuery.SortDescription}.");
        group.MapGet("/movie/{movie_id:int}/rating", GetMovieRating)
            .WithSummary("A movie's average sentiment score")
            .WithDescription("average_score is the mean of P(positive) + P(neutral)/2 over the movie's reviews, 0 when there are none: it rises with the share of positive reviews.");
        group.MapDelete("/{id:int}", DeleteReview).RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Delete a review");
        return group;
    }

    public static async Task<Results<Created<ReviewResponse>, ProblemHttpResult>> CreateReview(
        CreateReviewRequest request, IReviewService reviews, CancellationToken ct) =>
        await reviews.CreateAsync(request, ct) is { } review
            ? TypedResults.Created($"/api/reviews/{review.Id}", review)
            : ApiResults.MovieNotFound();

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

    public static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> DeleteReview(int id, IReviewService reviews, CancellationToken ct) =>
        await reviews.DeleteAsync(id, ct) ? TypedResults.Ok(new MessageResponse("Review deleted successfully")) : ApiResults.ReviewNotFound();
}
