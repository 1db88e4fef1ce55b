using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Data;

/// <summary>SQLite's review writer thread runs at the configured nice value (-10) where the process may raise priorities.</summary>
public sealed class ReviewWriterPriorityTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [RequirementFact]
    public async Task TheWriterThreadRunsAheadOfTheThreadPoolWhenAllowed()
    {
        // A review goes through the writer, so its thread is running by now.
        var movie = await server.Client.CreateMovieAsync($"우선순위 {Guid.NewGuid():N}");
        await server.Client.CreateReviewAsync(movie.Id(), ReviewTexts.Positive);

        var writers = Directory.GetDirectories("/proc/self/task").Select(ReadThread)
            .Where(thread => thread?.Name == "review writer").Select(thread => thread!.Value.Nice).ToList();

        Assert.NotEmpty(writers);
        // Without the right to raise priorities (not root) the writer stays at the default and logs why.
        Assert.All(writers, nice => Assert.Equal(Environment.IsPrivilegedProcess ? -10 : 0, nice));
        // Only the writer: the process's main thread keeps the default.
        Assert.Equal(0, Nice(File.ReadAllText("/proc/self/stat")));
    }

    // Other test classes' apps stop meanwhile, and a thread that ended has no files any more.
    private static (string Name, int Nice)? ReadThread(string task)
    {
        try
        {
            return (File.ReadAllText(Path.Combine(task, "comm")).Trim(), Nice(File.ReadAllText(Path.Combine(task, "stat"))));
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Field 19 of /proc/<pid>/task/<tid>/stat, counted after the parenthesized command name (which may hold spaces).
    private static int Nice(string stat) => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
}
