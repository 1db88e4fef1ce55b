using System.Collections.Frozen;

namespace MovieGpt.Server.Catalog.Tmdb;

/// <summary>
/// Korean names of the countries films come from, by ISO 3166-1 code. TMDB answers production countries in English
/// whatever the language asked for, and .NET's <see cref="System.Globalization.RegionInfo"/> names a region in its own
/// language (日本, France), so the names are listed here; a country not listed keeps TMDB's English name.
/// </summary>
internal static class CountryNames
{
    private static readonly FrozenDictionary<string, string> Korean = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["KR"] = "대한민국", ["KP"] = "북한", ["US"] = "미국", ["JP"] = "일본", ["CN"] = "중국", ["HK"] = "홍콩", ["TW"] = "대만",
        ["GB"] = "영국", ["IE"] = "아일랜드", ["FR"] = "프랑스", ["DE"] = "독일", ["IT"] = "이탈리아", ["ES"] = "스페인",
        ["PT"] = "포르투갈", ["NL"] = "네덜란드", ["BE"] = "벨기에", ["LU"] = "룩셈부르크", ["CH"] = "스위스", ["AT"] = "오스트리아",
        ["DK"] = "덴마크", ["SE"] = "스웨덴", ["NO"] = "노르웨이", ["FI"] = "핀란드", ["IS"] = "아이슬란드", ["PL"] = "폴란드",
        ["CZ"] = "체코", ["HU"] = "헝가리", ["RO"] = "루마니아", ["GR"] = "그리스", ["RU"] = "러시아", ["UA"] = "우크라이나",
        ["TR"] = "튀르키예", ["IL"] = "이스라엘", ["IR"] = "이란", ["IN"] = "인도", ["TH"] = "태국", ["VN"] = "베트남",
        ["PH"] = "필리핀", ["ID"] = "인도네시아", ["MY"] = "말레이시아", ["SG"] = "싱가포르", ["MN"] = "몽골", ["AU"] = "호주",
        ["NZ"] = "뉴질랜드", ["CA"] = "캐나다", ["MX"] = "멕시코", ["BR"] = "브라질", ["AR"] = "아르헨티나", ["CL"] = "칠레",
        ["CO"] = "콜롬비아", ["ZA"] = "남아프리카 공화국", ["EG"] = "이집트", ["MA"] = "모로코", ["AE"] = "아랍에미리트",
        ["SA"] = "사우디아라비아",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Korean name of <paramref name="code"/>'s country, else <paramref name="fallback"/> (TMDB's name).</summary>
    public static string? Of(string? code, string? fallback) =>
        code is not null && Korean.TryGetValue(code.Trim(), out var name) ? name : fallback;
}
