using MovieGpt.Server.Services;

namespace MovieGpt.Server.Components.Shared;

/// <summary>
/// A circuit lives for the whole visit, and the catalog services share one scoped DbContext, which allows one
/// operation at a time. Components load in parallel, so each call gets a DI scope (and a DbContext) of its own.
/// </summary>
public static class CatalogScopes
{
    public static async Task<T> MoviesAsync<T>(this IServiceScopeFactory scopes, Func<IMovieService, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IMovieService>());
    }

    public static async Task<T> ReviewsAsync<T>(this IServiceScopeFactory scopes, Func<IReviewService, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IReviewService>());
    }
}
