namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// Browser tests skip only where Chromium is missing and nobody asked for them; with MOVIEGPT_REQUIRE_BROWSER=1 (CI)
/// a missing Chromium is a failure.
/// </summary>
public static class BrowserRequirement
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string RequireVariable = "MOVIEGPT_REQUIRE_BROWSER";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static bool Available => File.Exists(ChromiumPath);

    /// <summary>Skips the calling test when the browser is neither present nor required; fails it when required but missing.</summary>
    public static void Check()
    {
        if (Available)
        {
            return;
        }
        if (Required)
        {
            Assert.Fail($"{RequireVariable}=1 but {ChromiumPath} does not exist: install Debian's chromium package.");
        }
        Skip.If(true, $"{ChromiumPath} is missing and {RequireVariable} is not 1.");
    }
}
