using System.Text.RegularExpressions;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Service;

/// <summary>The Grafana dashboard in deploy/ queries only series that /metrics exports, by their exported names.</summary>
public sealed partial class DashboardTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [RequirementFact]
    public async Task EverySeriesTheGrafanaDashboardQueriesIsExportedAtMetrics()
    {
        var movie = await server.Client.CreateMovieAsync("대시보드");
        await server.Client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);
        GC.Collect();   // so the runtime's collection counters have a value to export

        var exported = (await server.Client.GetStringAsync("/metrics")).Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('{', ' ')[0])
            .ToHashSet();
        var dashboard = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "grafana", "moviegpt-dashboard.json"));
        var queried = SeriesName().Matches(dashboard).Select(m => m.Value).ToHashSet();

        Assert.Contains("moviegpt_reviews_stored_total", queried);
        Assert.Empty(queried.Except(exported));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MovieGpt.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("No MovieGpt.slnx above the test's folder.");
    }

    [GeneratedRegex(@"\b(?:http_server|moviegpt|dotnet|target)_[a-z0-9_]+")]
    private static partial Regex SeriesName();
}
