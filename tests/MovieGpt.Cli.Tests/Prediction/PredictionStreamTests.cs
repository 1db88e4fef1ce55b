using System.Globalization;
using System.Text;
using System.Text.Json;
using MovieGpt.Cli.Prediction;
using MovieGpt.Cli.Tests.Support;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Tests.Prediction;

/// <summary>predict's streaming loop with scripted answers, where every answer names the line it belongs to.</summary>
public sealed class PredictionStreamTests
{
    private const int Lines = 50_000;

    /// <summary>"review 17" → score 17/1,000,000.</summary>
    private static ScriptedAnalyzer Numbered() => new(text =>
        ScriptedAnalyzer.Sure(SentimentLabels.Positive, 10, score: int.Parse(text["review ".Length..], CultureInfo.InvariantCulture) / 1e6));

    private static string[] Run(string input, int maxBatch = PredictionStream.DefaultBatch)
    {
        var output = new StringWriter();
        new PredictionStream(Numbered(), new StringReader(input), output, maxBatch).Run();
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Fifty_thousand_lines_in_give_fifty_thousand_answers_in_input_order()
    {
        var input = new StringBuilder();
        for (var i = 1; i <= Lines; i++)
        {
            input.Append(i % 1000 == 0 ? "" : $"review {i}").Append('\n');
        }

        var answers = Run(input.ToString());

        Assert.Equal(Lines, answers.Length);
        for (var i = 1; i <= Lines; i++)
        {
            using var json = JsonDocument.Parse(answers[i - 1]);
            if (i % 1000 == 0)
            {
                Assert.Equal("empty text", json.RootElement.GetProperty("error").GetString());
                Assert.Equal(i, json.RootElement.GetProperty("line").GetInt64());
            }
            else
            {
                Assert.Equal(i / 1e6, json.RootElement.GetProperty("score").GetDouble());
            }
        }
    }

    [Fact]
    public void An_empty_line_is_answered_with_an_error_object_and_the_next_line_is_still_scored()
    {
        var answers = Run("review 1\n\nreview 3\n", maxBatch: 1);

        Assert.Equal(3, answers.Length);
        Assert.Equal("""{"error":"empty text","line":2}""", answers[1]);
        Assert.Equal(0.000003, JsonDocument.Parse(answers[2]).RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_line_is_answered_before_the_input_ends()
    {
        using var input = new LineFeed();
        using var output = new LineSink();
        var stream = new PredictionStream(Numbered(), input, output);
        var run = Task.Factory.StartNew(stream.Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        input.Send("review 1");
        // The guard only keeps a broken stream from hanging the suite; the answer comes at once.
        var answeredWhileOpen = output.WaitForLine(TimeSpan.FromSeconds(30));
        input.End();
        var answered = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(answeredWhileOpen);
        Assert.Equal(1, answered);
        Assert.Equal(0.000001, JsonDocument.Parse(output.ToString()).RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public void No_input_gives_no_output()
    {
        Assert.Empty(Run(""));
    }
}
