using Xunit.Abstractions;
using Xunit.Sdk;

namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>Marks a test class whose tests run against PostgreSQL (see <see cref="PostgresSettings"/>).</summary>
public interface IPostgresTests;

/// <summary>A fact of the shared suite: skipped in a PostgreSQL class only when PostgreSQL is neither configured nor required.</summary>
[XunitTestCaseDiscoverer("MovieGpt.Server.Tests.Infrastructure.DatabaseFactDiscoverer", "MovieGpt.Server.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="DatabaseFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("MovieGpt.Server.Tests.Infrastructure.DatabaseTheoryDiscoverer", "MovieGpt.Server.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

public sealed class DatabaseFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        SkippedPostgresCase.For(sink, options, method) ?? _inner.Discover(options, method, attribute);
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        SkippedPostgresCase.For(sink, options, method) ?? _inner.Discover(options, method, attribute);
}

internal static class SkippedPostgresCase
{
    // The skip is decided at discovery, per test class, so the fixture of a skipped class never needs a server.
    public static IEnumerable<IXunitTestCase>? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method) =>
        typeof(IPostgresTests).IsAssignableFrom(method.TestClass.Class.ToRuntimeType()) && PostgresSettings.SkipReason is { } reason
            ? [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason)]
            : null;
}
