using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>One running app and one Chromium for the browser tests; nothing starts when the browser is absent.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] s_chromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "moviegpt-ui-tests", Guid.NewGuid().ToString("N"));
    private KestrelAppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private SampleCatalog.Ids? _sample;

    public KestrelAppFactory App => _app ?? throw new InvalidOperationException("The app was not started (no browser).");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser was not started.");

    public Screenshots Screenshots { get; } = new();

    /// <summary>What <see cref="SampleCatalog"/> stored at start.</summary>
    public SampleCatalog.Ids Sample => _sample ?? throw new InvalidOperationException("The app was not started (no browser).");

    /// <summary>Every page of the site (<see cref="SitePages"/>), the sample movie's page included.</summary>
    public IReadOnlyList<SitePage> Pages => SitePages.All(Sample);

    public async Task InitializeAsync()
    {
        if (!Requirement.Chromium.IsMet)
        {
            return;
        }
        // CI runs the other test projects beside this one on two cores: give the page time, not a race.
        Assertions.SetDefaultExpectTimeout(20_000);
        _app = new KestrelAppFactory($"Data Source={Path.Combine(_folder, "moviegpt.db")}");
        _app.StartServer();
        _sample = await SampleCatalog.AddToAsync(_app.Services);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumRequirement.ExecutablePath,
            Headless = true,
            Args = s_chromiumArgs,
        });
    }

    /// <summary>A fresh browser context (own storage, own viewport) pointed at the app.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            Locale = "ko-KR",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in as <see cref="SampleCatalog"/>'s account, through the login form.</summary>
    public async Task<IPage> NewSignedInPageAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var page = await NewPageAsync(width, height, colorScheme);
        await page.GotoAsync("account/login");
        await page.GetByTestId("login-email").FillAsync(SampleCatalog.Email);
        await page.GetByTestId("login-password").FillAsync(SampleCatalog.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-name")).ToHaveTextAsync(SampleCatalog.DisplayName);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
