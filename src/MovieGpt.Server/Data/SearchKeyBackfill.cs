using Microsoft.EntityFrameworkCore;

namespace MovieGpt.Server.Data;

/// <summary>
/// Gives the movies stored before search keys existed theirs, at start-up right after the migrations (the keys need .NET's
/// NFC and lower-casing, which the migration's SQL cannot do alike on both databases). Movies are few beside reviews; each
/// batch is loaded, keyed by the context's save (<see cref="MovieGptDbContext"/>) and written. Instances starting together
/// write the same values, so they cannot disagree.
/// </summary>
public static class SearchKeyBackfill
{
    private const int BatchSize = 500;

    /// <summary>Fills every movie without a search key; answers how many it filled.</summary>
    public static async Task<int> RunAsync(MovieGptDbContext db, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var movies = await db.Movies.Where(m => m.SearchKey == null).OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
            if (movies.Count == 0)
            {
                return total;
            }
            // Marked modified so the save computes the keys even though nothing else changed.
            movies.ForEach(m => db.Entry(m).Property(p => p.SearchKey).IsModified = true);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += movies.Count;
        }
    }
}
