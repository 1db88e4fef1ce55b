using HomePage = MovieGpt.Server.Components.Pages.Home.Home;

namespace MovieGpt.Server.UiTests.Components;

public sealed class HomePageTests : UiTestContext
{
    [Fact]
    public void AnEmptySiteHomeSaysThePositiveShareIsToComeRatherThanZero()
    {
        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=home-totals]")));
        Assert.Equal("0", cut.Find("[data-testid=home-review-count]").TextContent);
        Assert.Equal("리뷰가 모이면 보여 드려요", cut.Find("[data-testid=home-positive-share-empty]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=home-positive-share]"));
        Assert.DoesNotContain("0.0%", cut.Markup);
        Assert.NotNull(cut.Find("[data-testid=home-no-reviews]"));
    }
}
