using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using MovieGpt.Server.Data;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Extensions;

public static class DatabaseExtensions
{
    /// <summary>Registers <see cref="MovieGptDbContext"/> on the configured provider (SQLite by default).</summary>
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = ReadOptions(builder.Configuration);
        var contentRoot = builder.Environment.ContentRootPath;
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new StartupException("Database:Provider is Postgres but Database:ConnectionString is empty.");
                }
                builder.Services.AddSingleton(NpgsqlDataSource.Create(ParsedConnectionString(() => PostgresConnectionString(options.ConnectionString))));
                // Pooled contexts: the options are built once and a request reuses a reset context.
                builder.Services.AddDbContextPool<MovieGptDbContext, PostgresMovieGptDbContext>((services, db) =>
                    db.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.CommandTimeout(options.CommandTimeoutSeconds)));
                builder.Services.AddSingleton<IReviewInserter, PostgresReviewInserter>();
                builder.AddReviewWriter();
                builder.Services.AddSingleton(_ => new PostgresReadBatcher(
                    PostgresReadConnectionString(options.ConnectionString, options.CommandTimeoutSeconds), options.PostgresReadBatches));
                builder.Services.AddSingleton<ICatalogReader, PostgresCatalogReader>();
                break;
            default:
                var connectionString = ParsedConnectionString(() => SqliteConnectionString(options.ConnectionString, contentRoot));
                builder.Services.AddSingleton<SqliteWriteGate>();
                builder.Services.AddSingleton<SqliteConnectionSetup>();
                builder.Services.AddDbContextPool<MovieGptDbContext, SqliteMovieGptDbContext>((services, db) => db
                    .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(options.CommandTimeoutSeconds))
                    .AddInterceptors(services.GetRequiredService<SqliteWriteGate>(), services.GetRequiredService<SqliteConnectionSetup>()));
                builder.Services.AddSingleton<IReviewInserter, SqliteReviewInserter>();
                builder.AddReviewWriter();
                builder.Services.AddSingleton(new SqliteDatabase(connectionString));
                builder.Services.AddSingleton<SqliteReadPool>();
                builder.Services.AddSingleton<ICatalogReader, SqliteCatalogReader>();
                builder.Services.AddSingleton<SqliteCheckpointer>();
                builder.Services.AddHostedService(services => services.GetRequiredService<SqliteCheckpointer>());
                break;
        }
        return builder;
    }

    // The options are needed to register the provider, before ValidateOnStart could say what is wrong with them.
    private static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        var provider = section[nameof(DatabaseOptions.Provider)];
        if (!string.IsNullOrEmpty(provider) && !Enum.GetNames<DatabaseProvider>().Contains(provider, StringComparer.OrdinalIgnoreCase))
        {
            throw new StartupException($"Database:Provider is '{provider}'; it must be {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}.");
        }
        return section.Get<DatabaseOptions>() ?? new DatabaseOptions();
    }

    // Both builders throw ArgumentException for an unknown keyword or a bad value; the message names it, not the password.
    private static string ParsedConnectionString(Func<string> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException error)
        {
            throw new StartupException($"Database:ConnectionString cannot be read: {error.Message}", error);
        }
    }

    // Concurrent reviews are queued and committed together (one writer at a time anyway on SQLite).
    private static void AddReviewWriter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReviewWriter>();
        builder.Services.AddSingleton<IReviewStore>(services => services.GetRequiredService<ReviewWriter>());
        builder.Services.AddHostedService(services => services.GetRequiredService<ReviewWriter>());
    }

    /// <summary>Applies the provider's migrations; on SQLite also turns on WAL so readers never wait for the writer.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        try
        {
            await MigrateAsync(app);
        }
        catch (Exception error) when (error is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            // Npgsql's "Failed to connect to ..." keeps the reason (refused, timed out) in its inner exception.
            var reasons = string.Join(": ", Chain(error).Select(e => e.Message).Distinct());
            throw new StartupException($"The database cannot be opened and migrated: {reasons}", error);
        }
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static async Task MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        else
        {
            await db.Database.MigrateAsync();
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MovieGpt.Database");
        logger.LogInformation("Database ready: {Provider}", db.Database.ProviderName);
    }

    /// <summary>
    /// Npgsql defaults the service changes unless the connection string sets them.
    /// Automatic preparation: EF and the readers send the same few statements all day, and a prepared one skips
    /// PostgreSQL's parse and plan (32-client load: 971-997 -> 1,213-1,227 req/s, POST p99 75-80 -> 59 ms).
    /// No reset on close: by default a pooled connection sends seven reset statements (RESET ALL, UNLISTEN *, ...)
    /// every time it is reused, so each read cost eight statements instead of one; nothing here sets session state
    /// (no SET, LISTEN, temporary tables or advisory locks), so there is nothing to reset (three alternating pairs:
    /// PostgreSQL CPU a request 0.284 / 0.236 / 0.248 -> 0.219 / 0.214 / 0.222 ms; docs/load-history.md).
    /// </summary>
    internal static string PostgresConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        // Npgsql's own builder answers every known keyword as present, so ask the generic parser what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// The reads' connections (<see cref="PostgresReadBatcher"/>) plan every statement for its parameters. A prepared
    /// statement otherwise keeps a generic plan, and on a new database the few batch connections make it while
    /// <c>reviews</c> holds a hundred rows: the latest reviews then ran as a sequential scan and sort of the whole table,
    /// 30-50 ms each, until autovacuum's first ANALYZE (8 of 27 load runs on a fresh database over few connections;
    /// auto_explain logged the plan in the 4 it watched; none in 22 runs since). The review pages cost nothing more: with
    /// <c>LIMIT</c> and <c>OFFSET</c> parameters PostgreSQL re-plans them anyway once the table is big (0 generic plans in
    /// 8 runs at 100,000 reviews, pg_prepared_statements); the other reads pay a plan each. Their batches wait as long as
    /// EF's commands (Database:CommandTimeoutSeconds).
    /// </summary>
    internal static string PostgresReadConnectionString(string configured, int commandTimeoutSeconds)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString(configured)) { CommandTimeout = commandTimeoutSeconds };
        builder.Options = string.Join(' ', new[] { builder.Options, "-c plan_cache_mode=force_custom_plan" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        return builder.ConnectionString;
    }

    private static string SqliteConnectionString(string? configured, string contentRoot)
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
}
