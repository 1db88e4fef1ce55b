using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Server.Data.Sqlite;

namespace MovieGpt.Server.Tests.Data;

/// <summary>The read-only, prepared SQLite sessions behind <see cref="SqliteCatalogReader"/>.</summary>
public sealed class SqliteReadPoolTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task SessionsCannotWriteAndAClosedPoolRefusesReadsAndLeavesEfWritable()
    {
        var (movie, _) = await CatalogReaderTests.SeedAsync(server);
        using var pool = new SqliteReadPool(new SqliteDatabase(ConnectionString()));

        Assert.Throws<SqliteException>(() => pool.Read(s => s.Command("DELETE FROM reviews WHERE movie_id = $movie_id", ("movie_id", movie)).ExecuteNonQuery()));
        Assert.Equal(9, pool.Read(s => Convert.ToInt32(s.Command("SELECT COUNT(*) FROM reviews WHERE movie_id = $movie_id", ("movie_id", movie)).ExecuteScalar())));
        Assert.Throws<ArgumentException>(() => pool.Read(s => s.Command("SELECT $a + $b", ("a", 1))));

        pool.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pool.Read(s => s.Command("SELECT 1").ExecuteScalar()));
        // Its closed connections never reach the pool that EF's connections come from, read-only as they were.
        for (var i = 0; i < 5; i++)
        {
            await server.Client.CreateMovieAsync($"쓰기 {i} {Guid.NewGuid():N}");
        }
    }

    [Fact]
    public void APoolKeepsAtMostItsLimitOfIdleSessions()
    {
        using var pool = new SqliteReadPool(new SqliteDatabase(ConnectionString()));
        var depth = SqliteReadPool.MaxIdle + 8;

        // Reads nested in reads hold that many sessions at once; each answers on its own connection.
        int Nested(int level) => pool.Read(s =>
            Convert.ToInt32(s.Command("SELECT $level", ("level", level)).ExecuteScalar()) + (level < depth ? Nested(level + 1) : 0));

        Assert.Equal(depth * (depth + 1) / 2, Nested(1));
        Assert.Equal(SqliteReadPool.MaxIdle, pool.Idle);
        Assert.Equal(7, pool.Read(s => Convert.ToInt32(s.Command("SELECT $level", ("level", 7)).ExecuteScalar())));
        Assert.Equal(SqliteReadPool.MaxIdle, pool.Idle);
    }

    private string ConnectionString()
    {
        using var scope = server.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MovieGptDbContext>().Database.GetConnectionString()!;
    }
}
