using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Data;

/// <summary>The gate that lets one SQLite writer through at a time opens again whatever way a save ends.</summary>
public sealed class SqliteWriteGateTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task AConcurrencyFailureDoesNotLeaveTheGateClosedForTheNextWriter()
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>();
            // Deleting a row that is not there: EF expected one row and got none.
            db.Movies.Remove(new Movie { Id = 987_654, Title = "없는 영화", CreatedAt = DateTime.UtcNow });
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        // A gate left closed would make every later write wait forever.
        var created = await server.Client.CreateMovieAsync($"다음 쓰기 {Guid.NewGuid():N}").WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(created.Id() > 0);
    }
}
