using System.Text.Json;
using MovieGpt.Cli.Tests.Support;

namespace MovieGpt.Cli.Tests.Commands;

/// <summary>`moviegpt eval` run in-process with the shipped model.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private static readonly (int Rating, string Text)[] Reviews =
    [
        (10, "인생 영화 최고입니다"), (9, "배우들 연기가 정말 좋았어요"), (10, "감동 그 자체 ㅠㅠ"), (1, "최악 돈 아깝다"),
        (2, "지루하고 재미없음"), (3, "보다가 잤다 시간낭비"), (6, "그냥 그럭저럭"), (7, "나쁘지 않은데 좀 길다"), (5, ""),
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Rating_data_prints_one_json_object_with_binary_and_three_class_figures()
    {
        var path = _temp.WriteRatings("dev.tsv.gz", Reviews);

        var run = CliRun.Of(["eval", "--data", path]);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.OutputLines);
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal(8, json.GetProperty("n").GetInt32());
        Assert.Equal(1, json.GetProperty("skipped_empty").GetInt32());
        Assert.Equal(42, json.GetProperty("seed").GetInt32());
        Assert.Equal(6, json.GetProperty("binary_n").GetInt32());
        Assert.Equal("rating", json.GetProperty("format").GetString());
        Assert.Equal("moviegpt-ko-sentiment", json.GetProperty("model").GetString());
        Assert.InRange(json.GetProperty("binary_accuracy").GetDouble(), 0, 1);
        Assert.InRange(json.GetProperty("three_class_macro_f1").GetDouble(), 0, 1);
        Assert.InRange(json.GetProperty("three_class_accuracy").GetDouble(), 0, 1);
        Assert.InRange(json.GetProperty("rating_mae").GetDouble(), 0, 9);
        Assert.Equal(["negative", "neutral", "positive"], json.GetProperty("three_class_f1").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_shipped_model_calls_clear_reviews_right()
    {
        var path = _temp.WriteRatings("clear.tsv", Reviews[..6]);

        var json = JsonDocument.Parse(CliRun.Of(["eval", "--data", path]).Output).RootElement;

        Assert.Equal(1.0, json.GetProperty("binary_accuracy").GetDouble());
    }

    [Fact]
    public void Nsmc_data_prints_only_binary_figures()
    {
        var path = _temp.WriteNsmc("nsmc.tsv", (1, "최고의 영화"), (0, "최악의 영화"));

        var run = CliRun.Of(["eval", "--data", path, "--seed", "7"]);

        Assert.Equal(0, run.ExitCode);
        var names = JsonDocument.Parse(run.Output).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["model", "data", "format", "n", "skipped_empty", "seed", "binary_n", "binary_accuracy", "binary_mean_recall"], names);
        Assert.Equal(7, JsonDocument.Parse(run.Output).RootElement.GetProperty("seed").GetInt32());
    }
}
