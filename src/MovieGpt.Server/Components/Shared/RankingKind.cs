namespace MovieGpt.Server.Components.Shared;

/// <summary>The four lists of the 랭킹 page, in its tab order.</summary>
public enum RankingKind
{
    Best,
    MostReviewed,
    Trending,
    MostDivided,
}
