namespace MovieGpt.Testing;

/// <summary>
/// Something outside the test process that a test class needs (see <see cref="RequiresAttribute"/>). Where it is
/// missing, the class's tests are skipped with the reason; when the requirement's variable is "1", as in CI, they fail
/// instead, so a missing dependency cannot pass for a green run.
/// </summary>
public abstract class Requirement(string requireVariable)
{
    public static PostgresRequirement Postgres { get; } = new();

    public static ChromiumRequirement Chromium { get; } = new();

    public string RequireVariable => requireVariable;

    /// <summary>What is missing on this machine, or null when the requirement is met.</summary>
    public abstract string? Missing { get; }

    public bool IsMet => Missing is null;

    public bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public string SkipReason => $"{Missing}; with {RequireVariable}=1 this test fails instead.";

    public string FailureMessage => $"{RequireVariable}=1 but {Missing}.";
}

/// <summary>A PostgreSQL server named by MOVIEGPT_TEST_POSTGRES, whose user may create databases.</summary>
public sealed class PostgresRequirement() : Requirement("MOVIEGPT_REQUIRE_POSTGRES")
{
    public const string ConnectionVariable = "MOVIEGPT_TEST_POSTGRES";

    public string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    // Only the setting is checked here: a named server that cannot be reached fails the tests, it never skips them.
    public override string? Missing => ConnectionString is null
        ? $"{ConnectionVariable} is not set (a connection string to a PostgreSQL server whose user may create databases)"
        : null;
}

/// <summary>Debian's Chromium, the browser Playwright drives (its own browser download is never used).</summary>
public sealed class ChromiumRequirement() : Requirement("MOVIEGPT_REQUIRE_BROWSER")
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public override string? Missing => File.Exists(ExecutablePath)
        ? null
        : $"{ExecutablePath} does not exist (install Debian's chromium package)";
}
