using System.Text;

namespace MovieGpt.Server.Data;

/// <summary>
/// The forms of a movie's title, director and genre that search compares (<see cref="Movie.SearchKey"/>,
/// <see cref="Movie.SearchInitials"/>) and the same forms of a query: NFC, lower case, no whitespace, so "헤어질결심"
/// finds 헤어질 결심 and "봉 준호" 봉준호; and the initial consonant (초성) of each Hangul syllable, so ㄱㅅㅊ finds 기생충.
/// The fields are joined by <see cref="Separator"/>, which a query never contains, so no match spans two fields.
/// </summary>
public static class SearchText
{
    public const char Separator = '\u001F';

    // The 19 initial consonants of a Hangul syllable, in Unicode order, as compatibility jamo (what keyboards type).
    private const string Choseong = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private const char FirstSyllable = '가', LastSyllable = '힣';
    private const int SyllablesPerInitial = 21 * 28;

    /// <summary>The normalized key of a movie's searchable fields (null fields are empty).</summary>
    public static string Key(string title, string? director, string? genre) =>
        string.Join(Separator, Normalize(title), Normalize(director), Normalize(genre));

    /// <summary>The same fields, each Hangul syllable replaced by its initial consonant.</summary>
    public static string Initials(string title, string? director, string? genre) =>
        string.Join(Separator, ToInitials(Normalize(title)), ToInitials(Normalize(director)), ToInitials(Normalize(genre)));

    /// <summary>NFC, lower case (invariant), whitespace, control characters and the separator removed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var composed = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>Whether a normalized query is made of initial consonants only (ㄱㅅㅊ), and so searches the initials.</summary>
    public static bool IsInitialsOnly(string normalized) => normalized.Length > 0 && normalized.All(c => Choseong.Contains(c));

    /// <summary>Each Hangul syllable replaced by its initial consonant; anything else kept.</summary>
    public static string ToInitials(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= FirstSyllable and <= LastSyllable)
            {
                chars[i] = Choseong[(chars[i] - FirstSyllable) / SyllablesPerInitial];
            }
        }
        return new string(chars);
    }
}
