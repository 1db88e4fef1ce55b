using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// An app a test class starts for itself (its own settings and SQLite file, beside the shared one) and the browser
/// contexts opened on it; disposing closes them and deletes the file.
/// </summary>
public sealed class OwnApp : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "moviegpt-ui-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IBrowserContext> _contexts = [];

    public OwnApp(IReadOnlyDictionary<string, string?> settings)
    {
        App = new KestrelAppFactory($"Data Source={Path.Combine(_folder, "moviegpt.db")}", settings: settings);
        App.StartServer();
    }

    public KestrelAppFactory App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>A page in a context of its own (its own cookies), desktop-sized, in Korean.</summary>
    public async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "ko-KR",
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
