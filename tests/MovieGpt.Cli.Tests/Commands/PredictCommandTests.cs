using System.Text.Json;
using MovieGpt.Cli.Tests.Support;

namespace MovieGpt.Cli.Tests.Commands;

/// <summary>`moviegpt predict` run in-process on standard input with the shipped model.</summary>
public sealed class PredictCommandTests
{
    [Fact]
    public void Each_input_line_gets_a_json_line_with_label_score_probabilities_and_rating()
    {
        var run = CliRun.Of(["predict"], "정말 재밌어요 최고\n\n최악의 영화 돈 아까움\n");

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("positive", lines[0].GetProperty("label").GetString());
        Assert.Equal("empty text", lines[1].GetProperty("error").GetString());
        Assert.Equal("negative", lines[2].GetProperty("label").GetString());
        var probabilities = lines[0].GetProperty("probabilities");
        var sum = probabilities.GetProperty("negative").GetDouble() + probabilities.GetProperty("neutral").GetDouble() + probabilities.GetProperty("positive").GetDouble();
        Assert.Equal(1.0, sum, precision: 3);
        Assert.Equal(probabilities.GetProperty("positive").GetDouble(), lines[0].GetProperty("score").GetDouble());
        Assert.InRange(lines[0].GetProperty("rating").GetDouble(), 1, 10);
        Assert.Empty(run.Error);
    }
}
