using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Server.Data.Sqlite;

namespace MovieGpt.Server.Tests.Data;

/// <summary>On SQLite, commits never run a checkpoint themselves; the app's checkpointer copies the log back.</summary>
public sealed class SqliteCheckpointTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task CommitsLeaveCheckpointsToTheCheckpointerWhichCopiesTheWholeLogBack()
    {
        Assert.Equal(0L, await AppConnectionScalarAsync("PRAGMA wal_autocheckpoint"));
        Assert.Equal("wal", await server.TextAsync("PRAGMA journal_mode"));
        var movie = await server.Client.CreateMovieAsync($"체크포인트 {Guid.NewGuid():N}");
        foreach (var text in ReviewTexts.Mixed)
        {
            await server.Client.CreateReviewAsync(movie.Id(), text);
        }
        var checkpointer = server.Services.GetRequiredService<SqliteCheckpointer>();
        var before = checkpointer.Completed;

        // A checkpoint after the writes leaves nothing uncopied. (The log may also be empty: other fixtures clearing
        // every SQLite pool close this database's last connection, which checkpoints and removes the log.)
        // The default interval is a second; allow a slow machine several.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (checkpointer.Completed <= before || checkpointer.Last is not { } last || last.CheckpointedFrames != last.LogFrames)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no complete checkpoint yet: {checkpointer.Completed - before} run, last {checkpointer.Last}");
            await Task.Delay(100);
        }
    }

    // Opened by EF, as the app opens every connection, so that the app's per-connection settings apply.
    private async Task<object?> AppConnectionScalarAsync(string sql)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
