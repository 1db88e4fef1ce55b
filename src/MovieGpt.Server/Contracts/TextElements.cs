using System.Globalization;

namespace MovieGpt.Server.Contracts;

/// <summary>
/// Lengths as a reader counts characters: text elements (grapheme clusters), so "😡😡😡" is 3 and "최고예요" is 4, where
/// UTF-16 would count 6 and 4. The review form's counter and the minimum-length rule both count this way.
/// </summary>
public static class TextElements
{
    public static int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;
}
