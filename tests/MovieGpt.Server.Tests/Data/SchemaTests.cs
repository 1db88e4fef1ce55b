using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Data;

/// <summary>
/// The schema a fresh database gets from the migrations: the hand-written SQL that depends on it (the inserters' column
/// list, the tally and aspect triggers each migration carries as its own text) is held to it here.
/// </summary>
public abstract class SchemaTests(ServerFixture server)
{
    [RequirementFact]
    public async Task TheInsertedColumnsAreEveryColumnOfTheReviewsTableButTheId()
    {
        var columns = server.Provider == "Postgres"
            ? "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'reviews' AND table_schema = current_schema()"
            : "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('reviews') ORDER BY name)";

        var table = (await server.TextAsync(columns))!.Split(',');

        Assert.Equal(table.Where(c => c != ReviewColumns.Id).Order(StringComparer.Ordinal), ReviewColumns.Inserted.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [RequirementFact]
    public async Task TheMigrationsCreateTheExpectedTriggers()
    {
        var definitions = server.Provider == "Postgres"
            ? """
              SELECT string_agg(definition, E'\n\n' ORDER BY name) FROM (
                  SELECT tgname AS name, pg_get_triggerdef(oid) || ';' AS definition FROM pg_trigger
                  WHERE tgrelid = 'reviews'::regclass AND NOT tgisinternal
                  UNION ALL
                  SELECT proname, pg_get_functiondef(oid) || ';' FROM pg_proc
                  WHERE proname LIKE 'reviews\_%' AND pronamespace = current_schema()::regnamespace) AS objects
              """
            : "SELECT group_concat(sql || ';', char(10) || char(10)) FROM (SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name)";
        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "Schema", $"triggers.{server.Provider.ToLowerInvariant()}.sql"));

        var actual = await server.TextAsync(definitions);

        Assert.Equal(Normalized(expected), Normalized(actual!));
    }

    [RequirementFact]
    public async Task MoviesHaveTheCatalogColumnsAndTheIndexesFiltersRead()
    {
        var columns = server.Provider == "Postgres"
            ? "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'movies' AND table_schema = current_schema()"
            : "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('movies') ORDER BY name)";
        var indexes = server.Provider == "Postgres"
            ? "SELECT string_agg(indexdef, E'\n' ORDER BY indexname) FROM pg_indexes WHERE indexname LIKE 'ix_movie%' AND schemaname = current_schema()"
            : "SELECT group_concat(sql, char(10)) FROM (SELECT sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_movie%' ORDER BY name)";

        var table = (await server.TextAsync(columns))!.Split(',');
        var definitions = (await server.TextAsync(indexes))!.Split('\n');

        Assert.Equal(
            ["actors", "countries", "created_at", "director", "external_id", "genre", "genres", "id", "original_title", "plot_summary", "poster_url", "release_date", "runtime_minutes", "search_initials", "search_key", "title"],
            table.Order(StringComparer.Ordinal));
        Assert.Contains(definitions, d => d.Contains("UNIQUE INDEX", StringComparison.OrdinalIgnoreCase) && d.Contains("ix_movies_external_id") && d.Replace("\"", "").Contains("(external_id)"));
        Assert.Contains(definitions, d => d.Contains("ix_movie_genres_name_movie_id") && d.Replace("\"", "").Contains("(name, movie_id)"));
        Assert.Contains(definitions, d => d.Contains("ix_movie_actors_name_movie_id") && d.Replace("\"", "").Contains("(name, movie_id)"));
    }

    // Line endings and trailing spaces are the editor's, not the database's.
    private static string Normalized(string sql) =>
        string.Join('\n', sql.ReplaceLineEndings("\n").Trim().Split('\n').Select(line => line.TrimEnd()));
}

public sealed class SqliteSchemaTests(SqliteServerFixture server) : SchemaTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresSchemaTests(PostgresServerFixture server) : SchemaTests(server), IClassFixture<PostgresServerFixture>;
