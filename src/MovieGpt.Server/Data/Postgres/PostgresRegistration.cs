using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MovieGpt.Server.Data.Postgres;

/// <summary>The PostgreSQL side of <see cref="DatabaseOptions.Provider"/>: EF Core and the hand-written paths beside it.</summary>
public static class PostgresRegistration
{
    public static void AddPostgresDatabase(this IServiceCollection services, string connectionString, string readConnectionString, DatabaseOptions options)
    {
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        // Pooled contexts: the options are built once and a request reuses a reset context.
        services.AddDbContextPool<MovieGptDbContext, PostgresMovieGptDbContext>((provider, db) =>
            db.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.CommandTimeout(options.CommandTimeoutSeconds))
                .LogFailuresAsDebug());
        services.AddSingleton<IReviewInserter, PostgresReviewInserter>();
        services.AddSingleton<IWriteGate, NoWriteGate>();
        services.AddSingleton(_ => new PostgresReadBatcher(readConnectionString, options.PostgresReadBatches));
        services.AddSingleton<ICatalogReader, PostgresCatalogReader>();
    }

    /// <summary>
    /// Npgsql defaults the service changes unless the connection string sets them. No reset on close: by default a
    /// pooled connection sends seven reset statements (RESET ALL, UNLISTEN *, …) every time it is reused, and nothing
    /// here leaves session state behind (the migration lock is released before its connection goes back). Automatic
    /// preparation stays off: after connections were dropped mid-command it desynchronised Npgsql's protocol state
    /// ("BindComplete while expecting ParseComplete"), answering 500s; the hot reads are prepared explicitly instead
    /// (<see cref="PostgresReadBatcher"/>). See docs/performance.md.
    /// </summary>
    public static string ConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        // Npgsql's own builder answers every known keyword as present, so ask the generic parser what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// The connections of <see cref="PostgresReadBatcher"/> plan every statement for its parameters. A prepared statement
    /// otherwise keeps a generic plan, and on a new database the few batch connections make it while <c>reviews</c> holds
    /// a hundred rows: the latest reviews then ran as a sequential scan and sort of the whole table until autovacuum's
    /// first ANALYZE. The review pages cost nothing more (with <c>LIMIT</c> and <c>OFFSET</c> parameters PostgreSQL
    /// re-plans them anyway once the table is big); the other reads pay a plan each. Their batches wait as long as EF's
    /// commands (<see cref="DatabaseOptions.CommandTimeoutSeconds"/>).
    /// </summary>
    public static string ReadConnectionString(string configured, int commandTimeoutSeconds)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(configured)) { CommandTimeout = commandTimeoutSeconds };
        builder.Options = string.Join(' ', new[] { builder.Options, "-c plan_cache_mode=force_custom_plan" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        return builder.ConnectionString;
    }
}
