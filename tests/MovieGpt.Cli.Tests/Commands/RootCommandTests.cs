using MovieGpt.Cli.Tests.Support;

namespace MovieGpt.Cli.Tests.Commands;

public sealed class RootCommandTests
{
    [Fact]
    public void Help_lists_the_four_commands()
    {
        var run = CliRun.Of(["--help"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "train", "eval", "predict", "bench" })
        {
            Assert.Contains($"  {command} ", run.Output);
        }
    }

    [Fact]
    public void The_model_option_defaults_to_the_shipped_model_folder()
    {
        var run = CliRun.Of(["predict", "--help"]);

        Assert.Contains("--model <DIR>", run.Output);
        Assert.Contains(Path.Combine("models", "moviegpt-sentiment"), run.Output);
    }

    [Fact]
    public void An_unknown_option_is_an_error_that_names_it()
    {
        var run = CliRun.Of(["eval", "--data", "x.tsv", "--frobnicate"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--frobnicate", run.Error);
    }
}
