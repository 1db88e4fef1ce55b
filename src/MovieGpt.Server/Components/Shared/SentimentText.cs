using System.Globalization;
using MovieGpt.Sentiment;

namespace MovieGpt.Server.Components.Shared;

/// <summary>How the engine's labels, scores and times read in the Korean UI.</summary>
public static class SentimentText
{
    private static readonly CultureInfo s_korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly TimeZoneInfo s_seoul = FindSeoul();

    public static string Korean(string label) => label switch
    {
        SentimentLabels.Positive => "긍정",
        SentimentLabels.Neutral => "중립",
        SentimentLabels.Negative => "부정",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Not a sentiment label."),
    };

    public static string Emoji(string label) => label switch
    {
        SentimentLabels.Positive => "😊",
        SentimentLabels.Neutral => "😐",
        SentimentLabels.Negative => "😞",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Not a sentiment label."),
    };

    /// <summary>The colour family of an average positivity: the same thresholds a reader would use by eye.</summary>
    public static string Tone(double positivity) => positivity switch
    {
        >= 0.6 => SentimentLabels.Positive,
        <= 0.4 => SentimentLabels.Negative,
        _ => SentimentLabels.Neutral,
    };

    /// <summary>4360 → "4,360": every count the UI shows has thousands separators.</summary>
    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>0.8734 → "87.3%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Stored times are UTC; Korean moviegoers read them in Seoul time.</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), s_seoul).ToString("yyyy.MM.dd HH:mm", s_korean);

    public static string Date(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), s_seoul).ToString("yyyy.MM.dd", s_korean);

    /// <summary>
    /// A release date as the rest of the UI writes dates: "2019-05-30" → "2019.05.30"; "–" when unknown, and any
    /// other text (an API client may store "2019년 여름") as it was given.
    /// </summary>
    public static string ReleaseDate(string? date) =>
        string.IsNullOrWhiteSpace(date) ? "–"
        : DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture)
            : date;

    /// <summary>The validation messages are "한국어. (English.)"; the Korean UI shows the Korean half.</summary>
    public static string KoreanPart(string message)
    {
        var cut = message.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 && message.EndsWith(')') ? message[..cut] : message;
    }

    private static TimeZoneInfo FindSeoul()
    {
        // A container without tzdata has no "Asia/Seoul"; Korea has had no daylight saving since 1988.
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("KST", TimeSpan.FromHours(9), "KST", "KST");
        }
    }
}
