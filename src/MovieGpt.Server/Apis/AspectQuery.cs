using Microsoft.AspNetCore.Http.HttpResults;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.Apis;

/// <summary>The aspect filter of the review lists (<c>?aspect=연기&amp;label=negative</c>).</summary>
internal static class AspectQuery
{
    public const string AspectDescription = "Only reviews that mention this aspect: 연기, 스토리, 연출, 액션 or 음악";

    public const string LabelDescription = "Only reviews that say this about the aspect (about any aspect, without one): positive, negative or neutral";

    public const string Description =
        "aspect and label filter the reviews by what they say about an aspect (either or both); an unknown value is a 422 naming it.";

    /// <summary>Null when both are absent or known, else the 422 answer naming each unknown one.</summary>
    public static ProblemHttpResult? Check(string? aspect, string? label)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(aspect) && !AspectNames.All.Contains(aspect, StringComparer.Ordinal))
        {
            errors["aspect"] = [$"aspect must be one of {string.Join(", ", AspectNames.All)}."];
        }
        if (!string.IsNullOrEmpty(label) && !SentimentLabels.All.Contains(label, StringComparer.Ordinal))
        {
            errors["label"] = [$"label must be one of {string.Join(", ", SentimentLabels.All)}."];
        }
        return errors.Count == 0 ? null : ValidationFilter<object>.Invalid(errors);
    }

    /// <summary>The filter of checked values; an empty value filters nothing.</summary>
    public static AspectFilter Filter(string? aspect, string? label) =>
        new(string.IsNullOrEmpty(aspect) ? null : aspect, string.IsNullOrEmpty(label) ? null : label);
}
