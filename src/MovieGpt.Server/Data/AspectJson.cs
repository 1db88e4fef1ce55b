using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Server.Data;

/// <summary>
/// The <c>reviews.aspects</c> column: the engine's <see cref="AspectMention"/>s as a JSON array with the API's
/// member names (<c>aspect, label, score, evidence, start, length</c>), which the triggers on <c>reviews</c> read
/// (<c>$.aspect</c>, <c>$.label</c>) to keep <see cref="ReviewAspect"/>.
/// </summary>
public static class AspectJson
{
    /// <summary>A review that names no aspect.</summary>
    public const string None = "[]";

    // Hangul unescaped, so the column stays readable and short.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(IReadOnlyList<AspectMention> mentions) =>
        mentions.Count == 0 ? None : JsonSerializer.Serialize(mentions, Options);

    /// <summary>The mentions of a stored column; empty for null (not computed yet) or an empty array.</summary>
    public static IReadOnlyList<AspectMention> Parse(string? json) =>
        string.IsNullOrEmpty(json) || json == None ? [] : JsonSerializer.Deserialize<AspectMention[]>(json, Options) ?? [];
}
