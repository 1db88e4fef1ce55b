using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Data;
using MovieGpt.Server.Data.Postgres;
using MovieGpt.Server.Data.Sqlite;

namespace MovieGpt.Server.Extensions;

public static class DatabaseExtensions
{
    /// <summary>The data-protection application name every instance shares (payloads of other names do not unprotect).</summary>
    public const string DataProtectionApplicationName = "MovieGpt";

    /// <summary>
    /// Registers <see cref="MovieGptDbContext"/> on the configured provider (SQLite by default), that provider's readers
    /// and inserter (<c>Data/Sqlite</c>, <c>Data/Postgres</c>) and the review writer that both share.
    /// </summary>
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = ReadOptions(builder.Configuration);
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new StartupException("Database:Provider is Postgres but Database:ConnectionString is empty.");
                }
                var configured = options.ConnectionString;
                builder.Services.AddPostgresDatabase(
                    Parsed(() => PostgresRegistration.ConnectionString(configured)),
                    Parsed(() => PostgresRegistration.ReadConnectionString(configured, options.CommandTimeoutSeconds)),
                    options);
                break;
            default:
                var contentRoot = builder.Environment.ContentRootPath;
                builder.Services.AddSqliteDatabase(Parsed(() => SqliteRegistration.ConnectionString(options.ConnectionString, contentRoot)), options);
                break;
        }
        // Cookies, antiforgery tokens and Identity's bearer tokens are protected with keys kept in the database, so they
        // survive restarts and every instance on the database reads what another wrote. The application name isolates
        // them from other apps' keys; access to the database is access to the keys (they are not encrypted at rest).
        builder.Services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<MovieGptDbContext>();
        // Concurrent reviews are queued and committed together (one writer at a time anyway on SQLite).
        builder.Services.AddSingleton<ReviewWriter>();
        builder.Services.AddSingleton<IReviewStore>(services => services.GetRequiredService<ReviewWriter>());
        builder.Services.AddHostedService(services => services.GetRequiredService<ReviewWriter>());
        // Reviews stored before aspects were computed get them in the background.
        builder.Services.AddOptions<AspectOptions>()
            .BindConfiguration(AspectOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AspectBackfill>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AspectBackfill>());
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
    private static string Parsed(Func<string> parse)
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

    /// <summary>
    /// Applies the provider's migrations (SQLite: see <see cref="SqliteRegistration.MigrateSqliteAsync"/>). A database that
    /// cannot be reached yet (starting beside the service, say) is tried again for <see cref="DatabaseOptions.StartupRetrySeconds"/>.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var retryFor = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.StartupRetrySeconds);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MovieGpt.Database");
        var giveUpAt = clock.GetUtcNow() + retryFor;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateAsync(app);
                return;
            }
            catch (Exception error) when (DatabaseOutage.IsOutage(error) && clock.GetUtcNow() < giveUpAt)
            {
                logger.LogWarning("The database cannot be reached yet ({Reason}); trying again until {GiveUpAt:HH:mm:ss} UTC",
                    DatabaseOutage.Reason(error), giveUpAt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), clock);
            }
            catch (Exception error) when (error is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
            {
                throw NotMigrated(error);
            }
        }
    }

    private static StartupException NotMigrated(Exception error)
    {
        // Npgsql's "Failed to connect to ..." keeps the reason (refused, timed out) in its inner exception.
        var reasons = string.Join(": ", Chain(error).Select(e => e.Message).Distinct());
        return new StartupException($"The database cannot be opened and migrated: {reasons}", error);
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
        int keyed;
        if (db.Database.IsSqlite())
        {
            await db.MigrateSqliteAsync();
            keyed = await SearchKeyBackfill.RunAsync(db);
        }
        else
        {
            // The start-up back-fill too: an instance starting beside another finds it done.
            keyed = await PostgresMigrations.ExclusivelyAsync(scope.ServiceProvider.GetRequiredService<Npgsql.NpgsqlDataSource>(), async () =>
            {
                await db.Database.MigrateAsync();
                return await SearchKeyBackfill.RunAsync(db);
            });
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MovieGpt.Database");
        if (keyed > 0)
        {
            logger.LogInformation("Search keys back-filled for {Count} movies", keyed);
        }
        logger.LogInformation("Database ready: {Provider}", db.Database.ProviderName);
    }
}
