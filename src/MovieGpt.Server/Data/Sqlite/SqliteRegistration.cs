using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MovieGpt.Server.Data.Sqlite;

/// <summary>The SQLite side of <see cref="DatabaseOptions.Provider"/>: EF Core and the hand-written paths beside it.</summary>
public static class SqliteRegistration
{
    public static void AddSqliteDatabase(this IServiceCollection services, string connectionString, DatabaseOptions options)
    {
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<IWriteGate>(provider => provider.GetRequiredService<SqliteWriteGate>());
        services.AddSingleton<SqliteConnectionSetup>();
        services.AddDbContextPool<MovieGptDbContext, SqliteMovieGptDbContext>((provider, db) => db
            .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(options.CommandTimeoutSeconds))
            .LogFailuresAsDebug()
            .AddInterceptors(provider.GetRequiredService<SqliteWriteGate>(), provider.GetRequiredService<SqliteConnectionSetup>()));
        services.AddSingleton<IReviewInserter, SqliteReviewInserter>();
        services.AddSingleton(new SqliteDatabase(connectionString));
        services.AddSingleton<SqliteReadPool>();
        services.AddSingleton<ICatalogReader, SqliteCatalogReader>();
        services.AddSingleton<SqliteCheckpointer>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteCheckpointer>());
    }

    /// <summary>The configured string (empty: <c>data/moviegpt.db</c>) with a relative file placed under the content root.</summary>
    public static string ConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/moviegpt.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }
        // A shared cache would serialize readers too; a busy writer is waited for by the command timeout.
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Creates the database file's folder, applies the migrations and turns on WAL so readers never wait for the writer.</summary>
    public static async Task MigrateSqliteAsync(this MovieGptDbContext db)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        try
        {
            await db.Database.MigrateAsync();
        }
        catch (SqliteException error) when (!DatabaseOutage.IsOutage(error))
        {
            // SQLite's own message ("unable to open database file", "disk I/O error") does not say which file.
            throw new IOException($"SQLite cannot open {Path.GetFullPath(dataSource)}: {error.Message}", error);
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
