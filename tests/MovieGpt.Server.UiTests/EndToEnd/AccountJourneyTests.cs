using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// Accounts in the browser, on an app of its own with anonymous writes off (so the rules apply): register, log in,
/// review, edit, another user's 공감, and no way to delete someone else's review.
/// </summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class AccountJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string Password = "movie1234";
    private const string FirstText = "배우들 연기가 정말 좋았고 음악도 훌륭했어요.";
    private const string EditedText = "다시 보니 더 좋았어요. 배우들 연기도 음악도 최고였습니다.";
    private const string SecondText = "스토리가 지루하고 결말이 아쉬웠어요.";

    private OwnApp? _app;
    private int _movieId;

    public async Task InitializeAsync()
    {
        if (!Requirement.Chromium.IsMet)
        {
            return;
        }
        _app = new OwnApp(new Dictionary<string, string?> { ["Auth:AllowAnonymousWrites"] = "false" });
        _movieId = (await SampleCatalog.AddToAsync(_app.Services)).MovieId;
    }

    [RequirementFact]
    public async Task RegisterLogInReviewEditGetAHelpfulMarkAndNotDeleteAnothersReview()
    {
        // Signed out: the header offers both doors, the movie page asks for a login instead of a form.
        var first = await NewPageAsync();
        await first.GotoInteractiveAsync($"movies/{_movieId}");
        await Expect(first.GetByTestId("review-login-required")).ToContainTextAsync("리뷰를 쓰려면 로그인해 주세요.");
        await Expect(first.GetByTestId("review-form")).ToHaveCountAsync(0);
        await Expect(first.GetByTestId("review-delete")).ToHaveCountAsync(0);
        await Expect(first.GetByTestId("login-link")).ToBeVisibleAsync();

        // Register from the header and come back signed in; then log out and in again.
        await first.GetByTestId("register-link").ClickAsync();
        await Expect(first.GetByTestId("register-page")).ToBeVisibleAsync();
        await RegisterAsync(first, "first@example.com", "첫관객");
        await Expect(first).ToHaveURLAsync(new Regex($@"/movies/{_movieId}$"));
        await Expect(first.GetByTestId("account-name")).ToHaveTextAsync("첫관객");
        await first.GetByTestId("logout").ClickAsync();
        await Expect(first.GetByTestId("login-link")).ToBeVisibleAsync();

        await first.GotoAsync("account/login");
        await first.GetByTestId("login-email").FillAsync("first@example.com");
        await first.GetByTestId("login-password").FillAsync("wrong-password1");
        await first.GetByTestId("login-submit").ClickAsync();
        await Expect(first.GetByTestId("login-error")).ToHaveTextAsync("이메일 또는 비밀번호가 맞지 않아요.");
        await first.GetByTestId("login-password").FillAsync(Password);
        await fixture.Screenshots.SaveAsync(first, "login");
        await first.GetByTestId("login-submit").ClickAsync();
        await Expect(first.GetByTestId("account-name")).ToHaveTextAsync("첫관객");

        // Review the movie under the 닉네임 (no author field); coming back, the form holds it for editing.
        await first.GotoInteractiveAsync($"movies/{_movieId}");
        await Expect(first.GetByTestId("review-author")).ToHaveCountAsync(0);
        await first.GetByTestId("review-content").FillAsync(FirstText);
        await first.GetByTestId("review-submit").ClickAsync();
        var saved = first.GetByTestId("review-result");
        await Expect(saved).ToBeVisibleAsync();
        var reviewId = await saved.GetAttributeAsync("data-review-id");
        var mine = first.Locator($"[data-testid=review-item][data-review-id='{reviewId}']");
        await Expect(mine.Locator(".author")).ToHaveTextAsync("첫관객");

        await first.ReloadAsync();
        await first.WaitForInteractiveAsync();
        await Expect(first.GetByTestId("review-editing")).ToContainTextAsync("내 리뷰 수정");
        await Expect(first.GetByTestId("review-content")).ToHaveValueAsync(FirstText);
        // The pre-filled text is previewed before any keystroke, and an edit may give the review a 별점.
        await Expect(first.GetByTestId("live-preview-result")).ToBeVisibleAsync();
        await first.GetByTestId("review-rating-8").FocusAsync();
        await first.Keyboard.PressAsync("Space");
        await Expect(first.GetByTestId("review-rating")).ToHaveAttributeAsync("data-value", "8");
        await first.GetByTestId("review-content").FillAsync(EditedText);
        await first.GetByTestId("review-submit").ClickAsync();
        await Expect(mine.GetByTestId("review-content-text")).ToHaveTextAsync(EditedText);
        await Expect(mine.GetByTestId("review-edited")).ToBeVisibleAsync();
        await Expect(mine.GetByTestId("user-stars")).ToHaveAttributeAsync("data-rating", "8");
        await Expect(first.GetByTestId("movie-review-total")).ToHaveTextAsync((SampleCatalog.FirstMovieReviewCount + 1).ToString(CultureInfo.InvariantCulture));

        // Another user marks it 공감 and writes their own review.
        var second = await NewPageAsync();
        await second.GotoAsync($"account/register?returnUrl=%2Fmovies%2F{_movieId}");
        await RegisterAsync(second, "second@example.com", "둘째관객");
        await second.WaitForInteractiveAsync();
        var theirView = second.Locator($"[data-testid=review-item][data-review-id='{reviewId}']");
        await Expect(theirView.GetByTestId("review-edit")).ToHaveCountAsync(0);
        await Expect(theirView.GetByTestId("review-delete")).ToHaveCountAsync(0);
        await theirView.GetByTestId("review-helpful").ClickAsync();
        await Expect(theirView.GetByTestId("review-helpful-count")).ToHaveTextAsync("1");
        await Expect(theirView.GetByTestId("review-helpful")).ToHaveAttributeAsync("aria-pressed", "true");
        await second.GetByTestId("review-content").FillAsync(SecondText);
        await second.GetByTestId("review-submit").ClickAsync();
        var secondId = await second.GetByTestId("review-result").GetAttributeAsync("data-review-id");

        // The first user sees the mark on their review, and neither 수정 nor 삭제 on the other's.
        await first.ReloadAsync();
        await first.WaitForInteractiveAsync();
        await Expect(mine.GetByTestId("review-helpful-count")).ToHaveTextAsync("1");
        await Expect(mine.GetByTestId("review-delete")).ToBeVisibleAsync();
        var theirs = first.Locator($"[data-testid=review-item][data-review-id='{secondId}']");
        await Expect(theirs.GetByTestId("review-content-text")).ToHaveTextAsync(SecondText);
        await Expect(theirs.GetByTestId("review-delete")).ToHaveCountAsync(0);
        await Expect(theirs.GetByTestId("review-edit")).ToHaveCountAsync(0);
        await mine.ScrollIntoViewIfNeededAsync();
        await fixture.Screenshots.SaveAsync(first, "review-helpful");
        await ExpectNoSeriousAxeViolationAsync(first);

        // Nor can the first user's session delete it by asking the server directly: 403, and it stays.
        var refused = await first.Context.APIRequest.DeleteAsync($"api/reviews/{secondId}");
        Assert.Equal(403, refused.Status);
        Assert.Equal(200, (await first.Context.APIRequest.GetAsync($"api/reviews/{secondId}")).Status);

        // 내 리뷰 lists the first user's review only, with its 공감 count.
        await first.GetByTestId("nav-my-reviews").ClickAsync();
        await Expect(first.GetByTestId("my-reviews-total")).ToHaveTextAsync("1");
        await Expect(first.GetByTestId("my-reviews").GetByTestId("review-content-text")).ToHaveTextAsync([EditedText]);
        await Expect(first.GetByTestId("my-reviews").GetByTestId("review-helpful-count")).ToHaveTextAsync("1");
        await fixture.Screenshots.SaveAsync(first, "my-reviews");
        await ExpectNoSeriousAxeViolationAsync(first);

        await first.SetViewportSizeAsync(375, 812);
        Assert.True(await first.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375, "내 리뷰 is wider than 375px.");
        await fixture.Screenshots.SaveAsync(first, "mobile-my-reviews-signed-in");
        await first.SetViewportSizeAsync(1280, 900);

        // Deleting one's own review works from there.
        await first.GetByTestId("my-reviews").GetByTestId("review-delete").ClickAsync();
        await first.GetByTestId("confirm-ok").ClickAsync();
        await Expect(first.GetByTestId("my-reviews-empty")).ToBeVisibleAsync();
        Assert.Equal(404, (await first.Context.APIRequest.GetAsync($"api/reviews/{reviewId}")).Status);
    }

    private static async Task RegisterAsync(IPage page, string email, string name)
    {
        await page.GetByTestId("register-email").FillAsync(email);
        await page.GetByTestId("register-name").FillAsync(name);
        await page.GetByTestId("register-password").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("account-name")).ToHaveTextAsync(name);
    }

    /// <summary>axe on the signed-in page as it is, in the light theme and then the dark one.</summary>
    private static async Task ExpectNoSeriousAxeViolationAsync(IPage page)
    {
        var found = new List<string>();
        foreach (var scheme in new[] { "light", "dark" })
        {
            // What the theme toggle does (theme-init.js reads the preference only at load).
            await page.EvaluateAsync("theme => document.documentElement.dataset.theme = theme", scheme);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
            });
            found.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .SelectMany(v => v.Nodes.Select(n => $"{page.Url} ({scheme}) [{v.Impact}] {v.Id}: {v.Help} at {n.Target} {n.Html}")));
        }
        await page.EvaluateAsync("() => document.documentElement.dataset.theme = 'light'");
        Assert.True(found.Count == 0, "axe:\n" + string.Join("\n", found));
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
