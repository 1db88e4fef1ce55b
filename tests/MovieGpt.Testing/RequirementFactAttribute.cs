using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MovieGpt.Testing;

/// <summary>A fact that honours the <see cref="RequiresAttribute"/>s of its test class.</summary>
[XunitTestCaseDiscoverer("MovieGpt.Testing.RequirementFactDiscoverer", "MovieGpt.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequirementFactAttribute : FactAttribute;

/// <summary>A theory that honours the <see cref="RequiresAttribute"/>s of its test class.</summary>
[XunitTestCaseDiscoverer("MovieGpt.Testing.RequirementTheoryDiscoverer", "MovieGpt.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequirementTheoryAttribute : TheoryAttribute;

public sealed class RequirementFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        UnmetRequirement.TestCase(sink, options, method) is { } testCase ? [testCase] : _inner.Discover(options, method, attribute);
}

public sealed class RequirementTheoryDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        UnmetRequirement.TestCase(sink, options, method) is { } testCase ? [testCase] : _inner.Discover(options, method, attribute);
}

internal static class UnmetRequirement
{
    // Decided at discovery, so a test never starts without what it needs. xunit still builds the fixtures of the
    // class, which is why each fixture checks its requirement too before it connects or launches anything.
    public static IXunitTestCase? TestCase(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method)
    {
        var unmet = method.TestClass.Class.ToRuntimeType()
            .GetCustomAttributes<RequiresAttribute>(inherit: true)
            .Select(attribute => attribute.Requirement)
            .FirstOrDefault(requirement => !requirement.IsMet);
        if (unmet is null)
        {
            return null;
        }
        var display = options.MethodDisplayOrDefault();
        var displayOptions = options.MethodDisplayOptionsOrDefault();
        return unmet.IsRequired
            ? new ExecutionErrorTestCase(sink, display, displayOptions, method, unmet.FailureMessage)
            : new XunitSkippedDataRowTestCase(sink, display, displayOptions, method, unmet.SkipReason);
    }
}
