namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>All browser tests share one app and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
