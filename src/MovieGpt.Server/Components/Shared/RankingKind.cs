using System.Text.Json;

namespace MovieGpt.Server.Components.Shared;

/// <summary>The four lists of the 랭킹 page, in its tab order.</summary>
public enum RankingKind
{
    Best,
    MostReviewed,
    Trending,
    MostDivided,
}

public static class RankingKinds
{
    /// <summary>The list's name in the page's address, the same as its field in GET /api/rankings (most_reviewed).</summary>
    public static string ListName(this RankingKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>The list named <paramref name="name"/>; <see cref="RankingKind.Best"/> for none or an unknown one.</summary>
    public static RankingKind FromListName(string? name) =>
        Enum.GetValues<RankingKind>().FirstOrDefault(kind => kind.ListName() == name?.Trim().ToLowerInvariant(), RankingKind.Best);
}
