using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Catalog;

/// <summary>Registers a movie from its catalog record, for the API and the 영화 추가 page alike.</summary>
public sealed class CatalogImport(ICatalogProvider catalog, IMovieService movies)
{
    /// <summary>
    /// The stored movie. Throws <see cref="ExternalIdTakenException"/> when the record is registered already (checked
    /// first, so the catalog is not asked; under a race the unique index decides) and <see cref="CatalogException"/>
    /// when the catalog fails, before anything is stored.
    /// </summary>
    public async Task<MovieResponse> AddAsync(int id, CancellationToken ct = default)
    {
        var externalId = $"{catalog.Source}:{id}";
        if (catalog.IsEnabled && await movies.FindByExternalIdAsync(externalId, ct) is { } existing)
        {
            throw new ExternalIdTakenException(externalId, existing);
        }
        return await movies.CreateAsync(ToRequest(await catalog.GetAsync(id, ct)), ct);
    }

    /// <summary>The body that registers <paramref name="record"/> (the provider already cut it to the movie's limits).</summary>
    public static CreateMovieRequest ToRequest(CatalogMovie record) => new()
    {
        Title = record.Title,
        OriginalTitle = record.OriginalTitle,
        ReleaseDate = record.ReleaseDate,
        Director = record.Director,
        Genres = [.. record.Genres],
        Actors = [.. record.Actors],
        Countries = [.. record.Countries],
        PlotSummary = record.PlotSummary,
        RuntimeMinutes = record.RuntimeMinutes,
        PosterUrl = record.PosterUrl,
        ExternalId = record.ExternalId,
    };
}
