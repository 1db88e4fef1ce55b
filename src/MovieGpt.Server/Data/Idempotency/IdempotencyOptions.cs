using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Data.Idempotency;

/// <summary>The "Idempotency" configuration section: how long a key's answer is kept (<see cref="IdempotencyStore"/>).</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a key answers the same: a retry later than this is a new write.</summary>
    [Range(1, 24 * 365)]
    public int RetentionHours { get; set; } = 24;

    /// <summary>How often expired keys are deleted.</summary>
    [Range(1, 24 * 60)]
    public int PurgeIntervalMinutes { get; set; } = 60;
}
