using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>The delete confirmation is a real modal: focus moves in and stays, Escape closes it, focus goes back.</summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class ConfirmDialogTests(BrowserFixture fixture)
{
    [RequirementFact]
    public async Task TheDeleteDialogTakesFocusKeepsItAndGivesItBackOnEscape()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync($"movies/{fixture.Sample.MovieId}");
        var opener = page.GetByTestId("movie-detail-delete");

        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByTestId("confirm-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.GetByTestId("confirm-cancel")).ToBeFocusedAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.closest('dialog[open]') !== null"),
                $"Tab {i + 1} left the dialog for {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML ?? 'nothing'")}.");
        }
        // The page behind is inert while the dialog is open.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').matches(':modal') === false && document.querySelector('dialog').matches(':modal')"));

        await page.Keyboard.PressAsync("Escape");

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(opener).ToBeFocusedAsync();
        await Expect(page.GetByTestId("movie-detail")).ToBeVisibleAsync();
    }

    [RequirementFact]
    public async Task TheDeleteDialogClosesOnCancelAndTheMovieStays()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync("movies");
        var opener = page.GetByTestId("movie-delete").First;

        await opener.ClickAsync();
        await page.GetByTestId("confirm-cancel").ClickAsync();

        await Expect(page.GetByTestId("confirm-dialog")).ToBeHiddenAsync();
        await Expect(opener).ToBeFocusedAsync();
    }
}
