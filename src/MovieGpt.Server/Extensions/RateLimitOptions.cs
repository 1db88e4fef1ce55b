using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Extensions;

/// <summary>The "RateLimits" configuration section: how many requests of each kind one client may send per window.</summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string SectionName = "RateLimits";

    /// <summary>Off, every policy lets everything through (the test fixtures and the load command's servers run so).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Writes: reviews, movies, deletes (<see cref="RateLimitPolicies.Writes"/>).</summary>
    [Required]
    public WindowLimit Writes { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>The engine's endpoints, <c>/api/sentiment*</c> (<see cref="RateLimitPolicies.Ai"/>).</summary>
    [Required]
    public WindowLimit Ai { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Log-in and registration (<see cref="RateLimitPolicies.Auth"/>); Identity's lockout works per account beside it.</summary>
    [Required]
    public WindowLimit Auth { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    // ValidateDataAnnotations does not look inside nested objects.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, limit) in new[] { (nameof(Writes), Writes), (nameof(Ai), Ai), (nameof(Auth), Auth) })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(limit, new ValidationContext(limit), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{SectionName}:{name}: {result.ErrorMessage}", [name]);
            }
        }
    }
}

/// <summary>At most <see cref="PermitLimit"/> requests per client in each fixed window of <see cref="WindowSeconds"/>.</summary>
public sealed class WindowLimit
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; }
}
