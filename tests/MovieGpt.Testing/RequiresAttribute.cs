namespace MovieGpt.Testing;

/// <summary>
/// Names what a test class needs; its <see cref="RequirementFactAttribute"/> and <see cref="RequirementTheoryAttribute"/>
/// tests are skipped or failed, per <see cref="Requirement"/>, when it is missing. Inherited, so a shared test base
/// class can leave the choice to each subclass.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class RequiresAttribute : Attribute
{
    public abstract Requirement Requirement { get; }
}

public sealed class RequiresPostgresAttribute : RequiresAttribute
{
    public override Requirement Requirement => Requirement.Postgres;
}

public sealed class RequiresChromiumAttribute : RequiresAttribute
{
    public override Requirement Requirement => Requirement.Chromium;
}
