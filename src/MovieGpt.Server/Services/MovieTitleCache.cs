using System.Collections.Concurrent;

namespace MovieGpt.Server.Services;

/// <summary>
/// Titles of the movies reviews were recently written for, so that posting a review does not first query its
/// movie (half of a review site's requests are new reviews). Only the review path reads it, and there a stale entry
/// is harmless: ids are never reused, titles are never edited, and a movie deleted behind the cache's back (raw
/// SQL, another process) still refuses the review through the foreign key, which the store reports as a 404.
/// One instance per app (a singleton).
/// </summary>
public sealed class MovieTitleCache
{
    // Beyond this many movies the cache starts over instead of tracking recency: a refill costs one query a movie.
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<int, string> _titles = new();

    public bool TryGet(int movieId, out string title) => _titles.TryGetValue(movieId, out title!);

    public void Add(int movieId, string title)
    {
        if (_titles.Count >= Capacity)
        {
            _titles.Clear();
        }
        _titles[movieId] = title;
    }

    public void Remove(int movieId) => _titles.TryRemove(movieId, out _);
}
