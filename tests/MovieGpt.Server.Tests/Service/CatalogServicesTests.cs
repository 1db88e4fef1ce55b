using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Service;

/// <summary>
/// The catalog services as the Blazor pages use them: one instance per circuit, called by several components at once.
/// A service that kept one DbContext for its scope fails here with "A second operation was started on this context".
/// </summary>
public abstract class CatalogServicesTests(ServerFixture server)
{
    [RequirementFact]
    public async Task OneInstanceAnswersOverlappingCallsOfEveryKind()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var movie = await server.Client.CreateMovieAsync($"동시 {tag}");
        await server.Client.CreateReviewAsync(movie.Id(), "정말 재미있게 봤어요. 또 보고 싶어요.");
        await using var scope = server.Services.CreateAsyncScope();
        var movies = scope.ServiceProvider.GetRequiredService<IMovieService>();
        var reviews = scope.ServiceProvider.GetRequiredService<IReviewService>();

        var calls = Enumerable.Range(0, 8).SelectMany(_ => new Task[]
        {
            movies.ListAsync(new MovieListQuery(tag)),
            movies.CountAsync(tag),
            movies.GetAsync(movie.Id()),
            reviews.CountAsync(movie.Id()),
            reviews.ListAsync(0, 10, movie.Id()),
        }).ToList();
        var created = Enumerable.Range(0, 4).Select(i => movies.CreateAsync(new CreateMovieRequest { Title = $"동시 {tag} {i}" })).ToList();
        await Task.WhenAll(calls.Concat(created));

        Assert.Equal(5, await movies.CountAsync(tag));
        Assert.Equal(1, await reviews.CountAsync(movie.Id()));
        Assert.All(await Task.WhenAll(created.Select(async c => await movies.DeleteAsync((await c).Id))), Assert.True);
        Assert.Equal(1, await movies.CountAsync(tag));
    }
}

public sealed class SqliteCatalogServicesTests(SqliteServerFixture server) : CatalogServicesTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresCatalogServicesTests(PostgresServerFixture server) : CatalogServicesTests(server), IClassFixture<PostgresServerFixture>;
