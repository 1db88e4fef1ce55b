using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Data;

/// <summary>The "Aspects" configuration section: how reviews stored before aspects existed get theirs (<see cref="AspectBackfill"/>).</summary>
public sealed class AspectOptions
{
    public const string SectionName = "Aspects";

    /// <summary>Whether the back-fill runs at start-up.</summary>
    public bool Backfill { get; set; } = true;

    /// <summary>Reviews claimed, scored in one engine call and updated in one transaction at a time.</summary>
    [Range(1, 10_000)]
    public int BackfillBatchSize { get; set; } = 256;
}
