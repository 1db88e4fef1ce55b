using MovieGpt.Server.Catalog;

namespace MovieGpt.Server.UiTests.Fakes;

/// <summary>An in-memory catalog: hits whose title contains the query; <see cref="Failure"/> makes every call fail.</summary>
public sealed class FakeCatalogProvider(bool enabled = true) : ICatalogProvider
{
    public static readonly CatalogMovie Parasite = new(
        496243, "tmdb:496243", "기생충", "Parasite", "2019-05-30", 2019, "https://image.example/parasite.jpg",
        "전원 백수로 살 길 막막하지만 사이는 좋은 기택 가족.", "봉준호", ["송강호", "이선균", "조여정"], ["코미디", "스릴러", "드라마"], ["대한민국"], 132);

    public static readonly CatalogMovie OldBoy = new(
        670, "tmdb:670", "올드보이", "올드보이", "2003-11-21", 2003, null, null, "박찬욱", ["최민식"], ["스릴러"], ["대한민국"], 120);

    public List<string> Queries { get; } = [];

    public CatalogException? Failure { get; set; }

    public bool IsEnabled => enabled;

    public string Source => "tmdb";

    public Task<IReadOnlyList<CatalogSearchHit>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        Queries.Add(query);
        if (Failure is not null)
        {
            throw Failure;
        }
        return Task.FromResult<IReadOnlyList<CatalogSearchHit>>([.. new[] { Parasite, OldBoy }
            .Where(m => m.Title.Contains(query, StringComparison.Ordinal) || m.OriginalTitle?.Contains(query, StringComparison.OrdinalIgnoreCase) == true)
            .Select(m => new CatalogSearchHit(m.Id, m.Title, m.OriginalTitle, m.Year, m.PosterUrl, m.PlotSummary))
            .Take(limit)]);
    }

    public Task<CatalogMovie> GetAsync(int id, CancellationToken ct) =>
        Failure is not null ? throw Failure
        : new[] { Parasite, OldBoy }.FirstOrDefault(m => m.Id == id) is { } movie ? Task.FromResult(movie)
        : throw new CatalogException(CatalogFailure.NotFound, "unknown");
}
