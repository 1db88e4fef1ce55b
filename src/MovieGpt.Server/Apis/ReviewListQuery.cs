using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Apis;

/// <summary>The sentiment filter and the order of the review lists (<c>?sentiment=negative&amp;sort=rating_desc</c>).</summary>
internal static class ReviewListQuery
{
    public const string SentimentDescription = "Only reviews the model labelled so: positive, negative or neutral";

    public const string SortDescription =
        "newest (default) | rating_desc | rating_asc: by the writer's 별점, the predicted rating where the writer gave none; ties newest first";

    /// <summary>The sort names the API accepts, by value (snake_case of <see cref="ReviewSort"/>).</summary>
    public static string SortName(ReviewSort sort) => JsonNamingPolicy.SnakeCaseLower.ConvertName(sort.ToString());

    /// <summary>Null when both are absent or known, else the 422 answer naming each unknown one.</summary>
    public static ProblemHttpResult? Check(string? sentiment, string? sort)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(sentiment) && !SentimentLabels.All.Contains(sentiment, StringComparer.Ordinal))
        {
            errors["sentiment"] = [$"sentiment must be one of {string.Join(", ", SentimentLabels.All)}."];
        }
        if (!TryParseSort(sort, out _))
        {
            errors["sort"] = [$"sort must be one of {string.Join(", ", Enum.GetValues<ReviewSort>().Select(SortName))}."];
        }
        return errors.Count == 0 ? null : ValidationFilter<object>.Invalid(errors);
    }

    /// <summary>The query of checked values; empty values select everything, newest first.</summary>
    public static ReviewQuery Query(int? movieId, string? aspect, string? label, string? sentiment, string? sort)
    {
        TryParseSort(sort, out var order);
        return new ReviewQuery(movieId, AspectQuery.Filter(aspect, label), string.IsNullOrEmpty(sentiment) ? null : sentiment, order).Normalized();
    }

    public static bool TryParseSort(string? value, out ReviewSort sort)
    {
        sort = ReviewSort.Newest;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        foreach (var candidate in Enum.GetValues<ReviewSort>())
        {
            if (SortName(candidate) == value)
            {
                sort = candidate;
                return true;
            }
        }
        return false;
    }
}
