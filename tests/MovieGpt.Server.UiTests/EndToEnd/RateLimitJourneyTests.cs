using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// The rate limits in the browser, on an app of its own with small budgets: the UI's writes and log-ins spend the
/// same budgets as the API's requests, and past them the page says so in Korean instead of writing.
/// </summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class RateLimitJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string Password = "movie1234";
    private const int Budget = 3;
    private const string FirstText = "배우들 연기가 정말 좋았고 음악도 훌륭했어요.";
    private const string EditedText = "다시 보니 조금 아쉬웠어요. 결말이 약했습니다.";
    private static readonly Regex s_refused = new(@"^요청이 너무 많아요\. [1-9]\d*(?:초|분) 후에 다시 시도해 주세요\.$");

    private OwnApp? _app;
    private int _movieId;
    private int _othersReviewId;

    public async Task InitializeAsync()
    {
        if (!Requirement.Chromium.IsMet)
        {
            return;
        }
        var budget = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app = new OwnApp(new Dictionary<string, string?>
        {
            ["Auth:AllowAnonymousWrites"] = "false",
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Writes:PermitLimit"] = budget,
            ["RateLimits:Writes:WindowSeconds"] = "600",
            ["RateLimits:Auth:PermitLimit"] = budget,
            ["RateLimits:Auth:WindowSeconds"] = "600",
        });
        _movieId = (await SampleCatalog.AddToAsync(_app.Services)).MovieId;
        await using var scope = _app.Services.CreateAsyncScope();
        var theirs = await scope.ServiceProvider.GetRequiredService<IReviewService>().WriteAsync(
            new CreateReviewRequest { MovieId = _movieId, Content = "액션이 시원하고 음악이 좋았어요." }, new Caller(9_999, "다른관객", false, false));
        _othersReviewId = theirs.Value!.Id;
    }

    [RequirementFact]
    public async Task ReviewsAndHelpfulMarksPastTheWriteLimitShowTheMessageAndKeepTheText()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"account/register?returnUrl=%2Fmovies%2F{_movieId}");
        await page.GetByTestId("register-email").FillAsync("writer@example.com");
        await page.GetByTestId("register-name").FillAsync("부지런한관객");
        await page.GetByTestId("register-password").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await page.WaitForInteractiveAsync();

        // Three writes: a review, a 공감 and taking it back.
        await page.GetByTestId("review-content").FillAsync(FirstText);
        await page.GetByTestId("review-submit").ClickAsync();
        var reviewId = await page.GetByTestId("review-result").GetAttributeAsync("data-review-id");
        var theirs = page.Locator($"[data-testid=review-item][data-review-id='{_othersReviewId}']");
        await theirs.GetByTestId("review-helpful").ClickAsync();
        await Expect(theirs.GetByTestId("review-helpful")).ToHaveAttributeAsync("aria-pressed", "true");
        await theirs.GetByTestId("review-helpful").ClickAsync();
        await Expect(theirs.GetByTestId("review-helpful")).ToHaveAttributeAsync("aria-pressed", "false");

        // The fourth, an edit, is refused: the message instead of the write, and the edited text stays in the form.
        await page.GetByTestId("review-content").FillAsync(EditedText);
        await page.GetByTestId("review-submit").ClickAsync();
        await Expect(page.GetByTestId("review-form-error")).ToHaveTextAsync(s_refused);
        await Expect(page.GetByTestId("review-content")).ToHaveValueAsync(EditedText);
        await theirs.GetByTestId("review-helpful").ClickAsync();
        await Expect(theirs.GetByRole(AriaRole.Alert)).ToHaveTextAsync(s_refused);
        await Expect(theirs.GetByTestId("review-helpful-count")).ToHaveTextAsync("0");
        await fixture.Screenshots.SaveAsync(page, "rate-limited-review");

        // The API, with the same sign-in, spends the same budget; nothing was written past it.
        Assert.Equal(429, (await page.Context.APIRequest.PostAsync($"api/reviews/{_othersReviewId}/helpful")).Status);
        var stored = await page.Context.APIRequest.GetAsync($"api/reviews/{reviewId}");
        Assert.Contains(FirstText, await stored.TextAsync());
    }

    [RequirementFact]
    public async Task LogInPastTheAuthLimitShowsTheMessageWithA429()
    {
        var page = await NewPageAsync();
        for (var attempt = 0; attempt < Budget - 1; attempt++)
        {
            await LogInAsync(page, "wrong-password1");
            await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("이메일 또는 비밀번호가 맞지 않아요.");
        }
        // The API's log-in from the same address takes the last attempt of the window.
        var api = await page.Context.APIRequest.PostAsync("api/auth/login", new() { DataObject = new { email = "nobody@example.com", password = "wrong-password1" } });
        Assert.Equal(401, api.Status);

        var refused = await page.RunAndWaitForResponseAsync(() => LogInAsync(page, Password), r => r.Request.Method == "POST" && r.Url.Contains("account/login"));

        Assert.Equal(429, refused.Status);
        Assert.NotNull(await refused.HeaderValueAsync("retry-after"));
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync(s_refused);
        await Expect(page.GetByTestId("login-link")).ToBeVisibleAsync();
    }

    private static async Task LogInAsync(IPage page, string password)
    {
        await page.GotoAsync("account/login");
        await page.GetByTestId("login-email").FillAsync("nobody@example.com");
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    private Task<IPage> NewPageAsync() => _app!.NewPageAsync(fixture.Browser);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
