using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>Navigation that waits for what a prerendered Blazor page needs before a test acts on it.</summary>
public static class PageExtensions
{
    /// <summary>Loads <paramref name="path"/> and waits until the circuit has taken over the prerendered page.</summary>
    public static async Task<IResponse?> GotoInteractiveAsync(this IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        return response;
    }

    /// <summary>Waits until the circuit renders the page (MainLayout marks it with data-interactive).</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Expect(page.Locator(".shell")).ToHaveAttributeAsync("data-interactive", "true");

    /// <summary>Loads a page of the site and waits until it shows its content, interactive unless it is static.</summary>
    public static async Task<IResponse?> VisitAsync(this IPage page, SitePage site)
    {
        var response = await page.GotoAsync(site.Path);
        if (!site.Static)
        {
            await page.WaitForInteractiveAsync();
        }
        await Expect(page.GetByTestId(site.Ready)).ToBeVisibleAsync();
        return response;
    }
}
