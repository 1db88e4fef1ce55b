using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Data;

/// <summary>
/// The model shared by both providers. Each provider has a subclass of its own so that each keeps its own
/// migrations (SQLite and PostgreSQL differ in types and DDL). It also holds the data-protection keys, so every
/// instance on one database protects and reads cookies and tokens with the same keys, across restarts.
/// </summary>
public abstract class MovieGptDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Movie> Movies => Set<Movie>();

    public DbSet<MovieGenre> MovieGenres => Set<MovieGenre>();

    public DbSet<MovieActor> MovieActors => Set<MovieActor>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewTally> ReviewTallies => Set<ReviewTally>();

    public DbSet<ReviewAspect> ReviewAspects => Set<ReviewAspect>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MovieGptDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        KeepSearchKeys();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        KeepSearchKeys();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Whoever adds or edits a movie through EF, its search columns follow its title, director and genre.
    private void KeepSearchKeys()
    {
        foreach (var entry in ChangeTracker.Entries<Movie>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var movie = entry.Entity;
                movie.SearchKey = SearchText.Key(movie.Title, movie.Director, movie.Genre);
                movie.SearchInitials = SearchText.Initials(movie.Title, movie.Director, movie.Genre);
            }
        }
    }

    // SQLite hands DateTime back without a kind; every time we store is UTC, so say so on the way out.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteMovieGptDbContext(DbContextOptions<SqliteMovieGptDbContext> options) : MovieGptDbContext(options);

public sealed class PostgresMovieGptDbContext(DbContextOptions<PostgresMovieGptDbContext> options) : MovieGptDbContext(options);
