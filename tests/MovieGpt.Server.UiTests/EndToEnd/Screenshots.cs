using Microsoft.Playwright;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// Saves full-page screenshots into the test output (screenshots/) and, when MOVIEGPT_SCREENSHOTS_DIR is set
/// (e.g. to docs/screenshots), there too.
/// </summary>
public sealed class Screenshots
{
    public const string DirectoryVariable = "MOVIEGPT_SCREENSHOTS_DIR";

    public async Task SaveAsync(IPage page, string name)
    {
        // Web fonts and the last render must be in, and the sticky header back at the top, before the picture is taken.
        await page.EvaluateAsync("async () => { await document.fonts.ready; window.scrollTo(0, 0); }");
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Animations = ScreenshotAnimations.Disabled });
        foreach (var folder in Folders())
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), bytes);
        }
    }

    private static IEnumerable<string> Folders()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "screenshots");
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } extra)
        {
            yield return Path.GetFullPath(extra);
        }
    }
}
