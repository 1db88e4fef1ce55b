using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Catalog;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Extensions;

/// <summary>Puts a realistic Korean example on the request and result schemas, so /docs shows what to send.</summary>
internal sealed class OpenApiExamples : IOpenApiSchemaTransformer
{
    private const string Review = "정말 재미있고 감동적인 최고의 영화였어요";

    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(CreateMovieRequest)] = () => new JsonObject
        {
            ["title"] = "기생충",
            ["release_date"] = "2019-05-30",
            ["director"] = "봉준호",
            ["genre"] = "드라마",
            ["poster_url"] = "https://example.org/posters/parasite.jpg",
            ["original_title"] = "Parasite",
            ["genres"] = new JsonArray("코미디", "스릴러", "드라마"),
            ["actors"] = new JsonArray("송강호", "이선균", "조여정"),
            ["countries"] = new JsonArray("대한민국"),
            ["plot_summary"] = "전원 백수로 살 길 막막하지만 사이는 좋은 기택 가족.",
            ["runtime_minutes"] = 132,
            ["external_id"] = "tmdb:496243",
        },
        [typeof(CatalogSearchHit)] = () => new JsonObject
        {
            ["id"] = 496243,
            ["title"] = "기생충",
            ["original_title"] = "기생충",
            ["year"] = 2019,
            ["poster_url"] = "https://image.tmdb.org/t/p/w500/mSi0gskYpmf1FbXngM37s2HppXh.jpg",
            ["overview"] = "전원 백수로 살 길 막막하지만 사이는 좋은 기택 가족.",
        },
        [typeof(CatalogMovie)] = () => new JsonObject
        {
            ["id"] = 496243,
            ["external_id"] = "tmdb:496243",
            ["title"] = "기생충",
            ["original_title"] = "기생충",
            ["release_date"] = "2019-05-30",
            ["year"] = 2019,
            ["poster_url"] = "https://image.tmdb.org/t/p/w500/mSi0gskYpmf1FbXngM37s2HppXh.jpg",
            ["plot_summary"] = "전원 백수로 살 길 막막하지만 사이는 좋은 기택 가족.",
            ["director"] = "봉준호",
            ["actors"] = new JsonArray("송강호", "이선균", "조여정", "최우식", "박소담"),
            ["genres"] = new JsonArray("코미디", "스릴러", "드라마"),
            ["countries"] = new JsonArray("대한민국"),
            ["runtime_minutes"] = 132,
            ["movie_id"] = null,
        },
        [typeof(CreateReviewRequest)] = () => new JsonObject { ["movie_id"] = 1, ["author"] = "김관객", ["content"] = Review },
        [typeof(SentimentRequest)] = () => new JsonObject { ["text"] = Review },
        [typeof(SentimentBatchRequest)] = () => new JsonObject { ["texts"] = new JsonArray(Review, "시간 낭비 돈 아깝다 최악의 영화") },
        [typeof(SentimentResult)] = () => new JsonObject
        {
            ["label"] = "positive",
            ["score"] = 0.9412,
            ["probabilities"] = new JsonObject { ["negative"] = 0.0118, ["neutral"] = 0.047, ["positive"] = 0.9412 },
            ["rating"] = 9.6,
        },
        [typeof(AspectMention)] = () => new JsonObject
        {
            ["aspect"] = "연기",
            ["label"] = "positive",
            ["score"] = 0.93,
            ["evidence"] = "연기는 좋은데",
            ["start"] = 0,
            ["length"] = 7,
        },
        [typeof(AspectSummary)] = () => new JsonObject
        {
            ["aspect"] = "연기",
            ["mentions"] = 12,
            ["positive"] = 9,
            ["negative"] = 3,
            ["neutral"] = 0,
            ["positive_share"] = 0.75,
        },
        [typeof(MovieResponse)] = () => new JsonObject
        {
            ["id"] = 1,
            ["title"] = "기생충",
            ["release_date"] = "2019-05-30",
            ["director"] = "봉준호",
            ["genre"] = "드라마, 스릴러",
            ["poster_url"] = "https://example.org/posters/parasite.jpg",
            ["created_at"] = "2026-11-24T12:00:00Z",
            ["review_count"] = 128,
            ["average_score"] = 0.8412,
            ["adjusted_score"] = 0.8217,
            ["original_title"] = "Parasite",
            ["genres"] = new JsonArray("드라마", "스릴러"),
            ["actors"] = new JsonArray("송강호", "이선균", "조여정"),
            ["countries"] = new JsonArray("대한민국"),
            ["plot_summary"] = "전원 백수로 살 길 막막하지만 사이는 좋은 기택 가족.",
            ["runtime_minutes"] = 132,
            ["external_id"] = "tmdb:496243",
        },
        [typeof(RankedMovie)] = RankedExample,
        [typeof(RankingsResponse)] = () => new JsonObject
        {
            ["period"] = "30d",
            ["genre"] = "스릴러",
            ["min_reviews"] = 10,
            ["prior_score"] = 0.6632,
            ["trending_half_life_days"] = 3.0,
            ["best"] = new JsonArray(RankedExample()),
            ["most_reviewed"] = new JsonArray(RankedExample()),
            ["trending"] = new JsonArray(RankedExample()),
            ["most_divided"] = new JsonArray(),
        },
        [typeof(SimilarMovieResponse)] = () => new JsonObject
        {
            ["id"] = 7,
            ["title"] = "살인의 추억",
            ["release_date"] = "2003-04-25",
            ["director"] = "봉준호",
            ["genre"] = "스릴러, 범죄",
            ["poster_url"] = null,
            ["review_count"] = 25,
            ["average_score"] = 0.8891,
            ["adjusted_score"] = 0.8245,
            ["positive_share"] = 0.92,
            ["similarity"] = 0.5812,
            ["reasons"] = new JsonArray("같은 감독", "장르: 스릴러", "긍정 리뷰 92%"),
        },
        [typeof(MessageResponse)] = () => new JsonObject { ["message"] = "Movie deleted successfully" },
        [typeof(MovieRatingResponse)] = () => new JsonObject { ["movie_id"] = 1, ["average_score"] = 0.8125, ["review_count"] = 12 },
    };

    private static JsonNode RankedExample() => new JsonObject
    {
        ["rank"] = 1,
        ["id"] = 1,
        ["title"] = "기생충",
        ["release_date"] = "2019-05-30",
        ["director"] = "봉준호",
        ["genre"] = "드라마, 스릴러",
        ["poster_url"] = null,
        ["review_count"] = 42,
        ["average_score"] = 0.8605,
        ["adjusted_score"] = 0.8226,
        ["positive_share"] = 0.8571,
        ["negative_share"] = 0.0952,
        ["trend_score"] = 17.3,
        ["needs_more_reviews"] = false,
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [example()];
        }
        return Task.CompletedTask;
    }
}
