using System.Text;
using System.Text.Json.Nodes;

namespace MovieGpt.Testing.Tmdb;

public enum FakeTmdbMisbehaviour
{
    Slow,
    Malformed,
    RateLimited,
    RateLimitedLong,
    ServerError,
}

/// <summary>
/// What the fake TMDB knows. Well-known ids: <see cref="Parasite"/> (full credits), <see cref="OldBoy"/>,
/// <see cref="Untranslated"/> (no Korean title); any id from <see cref="GeneratedFrom"/> on is a made-up movie of its
/// own, so each test can use a fresh one; the ids and queries of <see cref="Misbehaving"/> misbehave.
/// </summary>
public static class FakeTmdbMovies
{
    public const int Parasite = 496243;
    public const int OldBoy = 670;
    public const int Untranslated = 9_100_001;

    /// <summary>Ids from here to <see cref="GeneratedTo"/> are made-up movies titled "생성된 영화 {id}".</summary>
    public const int GeneratedFrom = 7_000_000;

    public const int GeneratedTo = 7_999_999;

    /// <summary>A query matching 15 movies ("연작 영화 1" to "연작 영화 15"), more than one answer holds.</summary>
    public const string SeriesQuery = "연작";

    public static readonly IReadOnlyDictionary<FakeTmdbMisbehaviour, (int Id, string Query)> Misbehaving = new Dictionary<FakeTmdbMisbehaviour, (int, string)>
    {
        [FakeTmdbMisbehaviour.Slow] = (9_000_504, "느린 응답"),
        [FakeTmdbMisbehaviour.Malformed] = (9_000_502, "깨진 응답"),
        [FakeTmdbMisbehaviour.RateLimited] = (9_000_429, "요청 초과"),
        [FakeTmdbMisbehaviour.RateLimitedLong] = (9_000_430, "긴 대기"),
        [FakeTmdbMisbehaviour.ServerError] = (9_000_500, "서버 오류"),
    };

    private static readonly FakeTmdbMovie[] Known =
    [
        new(Parasite, "기생충", "기생충", "Parasite", "2019-05-30", "/parasite.jpg",
            "전원 백수로 살 길 막막하지만 사이는 좋은 기택 가족. 장남 기우에게 명문대생 친구 민혁이 연결시켜 준 고액 과외 자리는 모처럼 싹튼 고정수입의 희망이다.",
            132, [(35, "코미디"), (53, "스릴러"), (18, "드라마")], [("KR", "South Korea")],
            ["송강호", "이선균", "조여정", "최우식", "박소담", "이정은", "장혜진", "박명훈", "정현준", "정지소", "박근록", "박서준"],
            [("봉준호", "Director"), ("봉준호", "Screenplay"), ("홍경표", "Director of Photography"), ("한진원", "Screenplay")]),
        new(OldBoy, "올드보이", "올드보이", "Oldboy", "2003-11-21", "/oldboy.jpg",
            "1988년 어느 날, 평범한 회사원 오대수는 술에 취해 집에 돌아가다 누군가에게 납치되어 사설 감금방에 갇힌다.",
            120, [(18, "드라마"), (53, "스릴러"), (9648, "미스터리"), (28, "액션")], [("KR", "South Korea")],
            ["최민식", "유지태", "강혜정"], [("박찬욱", "Director")]),
        new(Untranslated, "", "Le Film Sans Titre", "The Untitled Film", "1999-02-03", null, "", 95, [(18, "드라마")],
            [("FR", "France"), ("BE", "Belgium")], ["Jeanne Moreau"], [("Agnès Varda", "Director")]),
        .. Enumerable.Range(1, 15).Select(i => new FakeTmdbMovie(8_000_000 + i, $"연작 영화 {i}", $"Series Film {i}", $"Series Film {i}",
            $"{2000 + i}-01-01", $"/series-{i}.jpg", $"연작의 {i}번째 이야기.", 100 + i, [(18, "드라마")], [("KR", "South Korea")], [$"배우 {i}"], [("연출가", "Director")])),
    ];

    public static FakeTmdbMisbehaviour? Misbehaviour(int id) =>
        Misbehaving.Where(m => m.Value.Id == id).Select(m => (FakeTmdbMisbehaviour?)m.Key).FirstOrDefault();

    public static FakeTmdbMisbehaviour? Misbehaviour(string query) =>
        Misbehaving.Where(m => m.Value.Query == query.Trim()).Select(m => (FakeTmdbMisbehaviour?)m.Key).FirstOrDefault();

    public static FakeTmdbMovie? Find(int id) =>
        Known.FirstOrDefault(m => m.Id == id) ?? (id is >= GeneratedFrom and <= GeneratedTo ? Generated(id) : null);

    public static IEnumerable<FakeTmdbMovie> Search(string query)
    {
        var q = query.Trim();
        if (q.StartsWith("생성된 영화 ", StringComparison.Ordinal) && int.TryParse(q["생성된 영화 ".Length..], out var id) && Find(id) is { } generated)
        {
            return [generated];
        }
        return Known.Where(m => q.Length > 0 && new[] { m.KoreanTitle, m.OriginalTitle, m.EnglishTitle }.Any(t => t.Contains(q, StringComparison.OrdinalIgnoreCase)));
    }

    private static FakeTmdbMovie Generated(int id) =>
        new(id, $"생성된 영화 {id}", $"Generated Film {id}", $"Generated Film {id}", "2021-07-01", $"/generated-{id}.jpg",
            $"테스트를 위해 만들어진 {id}번 영화의 줄거리.", 110, [(18, "드라마"), (10749, "로맨스")], [("KR", "South Korea"), ("JP", "Japan"), ("BT", "Bhutan")],
            ["김배우", "이배우"], [("박감독", "Director")]);

    /// <summary>A small SVG poster naming the path, so screenshots show where each poster came from.</summary>
    public static byte[] Poster(string path)
    {
        var hue = Math.Abs(path.GetHashCode(StringComparison.Ordinal)) % 360;
        return Encoding.UTF8.GetBytes($"""
            <svg xmlns="http://www.w3.org/2000/svg" width="200" height="300" viewBox="0 0 200 300">
              <rect width="200" height="300" fill="hsl({hue},45%,35%)"/>
              <text x="100" y="150" fill="#fff" font-size="16" font-family="sans-serif" text-anchor="middle">{System.Security.SecurityElement.Escape(path)}</text>
            </svg>
            """);
    }
}

/// <summary>One movie as the fake TMDB knows it; the Korean title is empty where TMDB has no Korean translation.</summary>
public sealed record FakeTmdbMovie(
    int Id,
    string KoreanTitle,
    string OriginalTitle,
    string EnglishTitle,
    string ReleaseDate,
    string? PosterPath,
    string KoreanOverview,
    int Runtime,
    (int Id, string Name)[] Genres,
    (string Code, string Name)[] Countries,
    string[] Cast,
    (string Name, string Job)[] Crew)
{
    private string Title(bool korean) => korean ? KoreanTitle : EnglishTitle;

    /// <summary>An entry of search/movie's results.</summary>
    public JsonObject SearchResult(bool korean) => new()
    {
        ["adult"] = false,
        ["backdrop_path"] = null,
        ["genre_ids"] = new JsonArray([.. Genres.Select(g => (JsonNode)g.Id)]),
        ["id"] = Id,
        ["original_language"] = "ko",
        ["original_title"] = OriginalTitle,
        ["overview"] = korean ? KoreanOverview : "",
        ["popularity"] = 12.5,
        ["poster_path"] = PosterPath,
        ["release_date"] = ReleaseDate,
        ["title"] = Title(korean),
        ["video"] = false,
        ["vote_average"] = 8.1,
        ["vote_count"] = 1200,
    };

    /// <summary>movie/{id}, with credits when asked for them (append_to_response=credits). Cast is listed out of billing order, as TMDB may.</summary>
    public JsonObject Details(bool korean, bool credits)
    {
        var details = new JsonObject
        {
            ["adult"] = false,
            ["backdrop_path"] = null,
            ["belongs_to_collection"] = null,
            ["budget"] = 11_400_000,
            ["genres"] = new JsonArray([.. Genres.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["name"] = g.Name })]),
            ["homepage"] = "",
            ["id"] = Id,
            ["imdb_id"] = $"tt{Id}",
            ["original_language"] = "ko",
            ["original_title"] = OriginalTitle,
            ["overview"] = korean ? KoreanOverview : "",
            ["popularity"] = 12.5,
            ["poster_path"] = PosterPath,
            ["production_companies"] = new JsonArray(),
            ["production_countries"] = new JsonArray([.. Countries.Select(c => (JsonNode)new JsonObject { ["iso_3166_1"] = c.Code, ["name"] = c.Name })]),
            ["release_date"] = ReleaseDate,
            ["revenue"] = 0,
            ["runtime"] = Runtime,
            ["status"] = "Released",
            ["tagline"] = "",
            ["title"] = Title(korean),
            ["video"] = false,
            ["vote_average"] = 8.1,
            ["vote_count"] = 1200,
        };
        if (credits)
        {
            details["credits"] = new JsonObject
            {
                ["cast"] = new JsonArray([.. Cast.Select((name, order) => (JsonNode)new JsonObject
                {
                    ["adult"] = false,
                    ["gender"] = 2,
                    ["id"] = 1000 + order,
                    ["known_for_department"] = "Acting",
                    ["name"] = name,
                    ["original_name"] = name,
                    ["character"] = $"역할 {order}",
                    ["credit_id"] = $"credit{order}",
                    ["order"] = order,
                }).Reverse()]),
                ["crew"] = new JsonArray([.. Crew.Select(c => (JsonNode)new JsonObject
                {
                    ["name"] = c.Name,
                    ["job"] = c.Job,
                    ["department"] = c.Job == "Director" ? "Directing" : "Writing",
                })]),
            };
        }
        return details;
    }
}
