using MovieGpt.Cli.Tests.Support;

namespace MovieGpt.Cli.Tests.Commands;

/// <summary>A user's mistake ends the command with one line on standard error and a non-zero exit code, never a stack trace.</summary>
public sealed class CommandErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static void AssertOneLineError(CliRun run, string command, string expected)
    {
        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"moviegpt {command}: ", line);
        Assert.Contains(expected, line);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("bench")]
    public void A_missing_data_file_is_named(string command)
    {
        var run = CliRun.Of([command, "--data", Path.Combine(_temp.Path, "absent.tsv.gz")]);

        AssertOneLineError(run, command, "absent.tsv.gz' does not exist");
    }

    [Fact]
    public void A_data_file_with_an_unknown_header_is_explained()
    {
        var path = _temp.Write("bad.tsv", "a\tb\tc", "1\t2\t3");

        AssertOneLineError(CliRun.Of(["eval", "--data", path]), "eval", "expected the rating format");
    }

    [Fact]
    public void A_corrupt_gzip_file_is_reported_as_bad_data()
    {
        var path = Path.Combine(_temp.Path, "broken.tsv.gz");
        File.WriteAllText(path, "this is not gzip");

        var run = CliRun.Of(["eval", "--data", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("moviegpt eval: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("predict")]
    [InlineData("bench")]
    public void A_folder_that_is_not_a_model_is_named(string command)
    {
        var data = _temp.WriteRatings("dev.tsv", (10, "최고"), (1, "최악"));

        var run = CliRun.Of(command == "predict" ? [command, "--model", _temp.Path] : [command, "--model", _temp.Path, "--data", data]);

        AssertOneLineError(run, command, $"Model folder '{_temp.Path}' has neither manifest.json");
    }

    [Fact]
    public void A_missing_model_folder_is_named()
    {
        var missing = Path.Combine(_temp.Path, "no-model");

        AssertOneLineError(CliRun.Of(["predict", "--model", missing]), "predict", "does not exist");
    }

    [Fact]
    public void A_bad_option_value_is_explained()
    {
        var data = _temp.WriteRatings("dev.tsv", (10, "최고"));

        AssertOneLineError(CliRun.Of(["bench", "--data", data, "--n", "0"]), "bench", "--n must be at least 1");
    }

    [Fact]
    public void A_missing_required_option_fails_without_running()
    {
        var run = CliRun.Of(["eval"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--data", run.Error);
    }
}
