namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// One page of the site as the browser tests visit it: its address (relative to the app), the test id of an element
/// that is visible once the page has its content, whether it renders without a circuit (static pages), and whether it
/// is visited signed in as <see cref="SampleCatalog"/>'s account (<see cref="BrowserFixture.NewSignedInPageAsync"/>).
/// </summary>
public sealed record SitePage(string Name, string Path, string Ready, bool Static = false, bool SignedIn = false);

/// <summary>
/// Every page of the site, in one place: the accessibility tests (axe, light and dark) and the 375 px layout test
/// visit each one. A new page is added here, and both tests cover it.
/// </summary>
public static class SitePages
{
    public static IReadOnlyList<SitePage> All(SampleCatalog.Ids sample) =>
    [
        new("home", "", "home-totals"),
        new("movies", "movies", "movie-list"),
        new("movie-new", "movies/new", "movie-form"),
        new("movie-detail", $"movies/{sample.MovieId}", "movie-detail"),
        new("review-new", "reviews/new", "review-form"),
        new("reviews", "reviews", "stats-panel"),
        new("reviews-filtered", "reviews?sentiment=positive&sort=rating_desc", "stats-panel"),
        new("movies-searched", "movies?q=%E3%85%85&sort=reviews&page=1", "movies-total"),
        new("rankings", "rankings", "ranking-panel"),
        new("recommend", "recommend", "recommend-form"),
        new("my-reviews", "my-reviews", "my-reviews-login"),
        new("my-reviews-signed-in", "my-reviews", "my-reviews", SignedIn: true),
        new("review-edit", $"reviews/{sample.OwnReviewId}/edit", "review-form", SignedIn: true),
        new("login", "account/login", "login-page", Static: true),
        new("register", "account/register", "register-page", Static: true),
        new("not-found", "no/such/page", "not-found-page"),
        new("error", "Error", "error-page", Static: true),
    ];
}
