using System.CommandLine;
using MovieGpt.Sentiment.Text;
using Spectre.Console;

namespace MovieGpt.Cli.Training;

/// <summary>`moviegpt train --data FILE [--dev FILE] --out DIR`: trains a model and writes a model folder.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new TrainingOptions();
        var data = new Option<string>("--data") { Description = "Training data (.tsv or .tsv.gz, rating or NSMC format).", Required = true };
        var dev = new Option<string?>("--dev") { Description = "Dev data with ratings: tunes the decoder and measures FP32 and INT8." };
        var output = new Option<string>("--out") { Description = "Folder to write the model into.", Required = true };
        var buckets = new Option<int>("--buckets") { Description = "Hash buckets (rows of the embedding table).", DefaultValueFactory = _ => defaults.Featurizer.Buckets };
        var dim = new Option<int>("--dim") { Description = "Embedding width.", DefaultValueFactory = _ => defaults.Dim };
        var hidden = new Option<int>("--hidden") { Description = "Hidden layer width.", DefaultValueFactory = _ => defaults.Hidden };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data.", DefaultValueFactory = _ => defaults.Epochs };
        var denseRate = new Option<float>("--dense-rate") { Description = "Learning rate of the MLP.", DefaultValueFactory = _ => defaults.DenseRate };
        var embeddingRate = new Option<float>("--embedding-rate") { Description = "Learning rate of the embeddings.", DefaultValueFactory = _ => defaults.EmbeddingRate };
        var smoothing = new Option<float>("--smoothing") { Description = "Target mass moved to neighbouring ratings.", DefaultValueFactory = _ => defaults.NeighbourSmoothing };
        var charMax = new Option<int>("--char-ngrams") { Description = "Longest character n-gram.", DefaultValueFactory = _ => defaults.Featurizer.CharNgramMax };
        var wordMax = new Option<int>("--word-ngrams") { Description = "Longest word n-gram.", DefaultValueFactory = _ => defaults.Featurizer.WordNgramMax };
        var maxExamples = new Option<int>("--max-examples") { Description = "Train on the first N reviews only (0 = all).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => defaults.Seed };

        var command = new Command("train", "Train a sentiment model and write a model folder (manifest.json + ONNX).")
        {
            data, dev, output, buckets, dim, hidden, epochs, denseRate, embeddingRate, smoothing, charMax, wordMax, maxExamples, seed,
        };
        command.SetAction(parse =>
        {
            var options = defaults with
            {
                Featurizer = defaults.Featurizer with
                {
                    Buckets = parse.GetValue(buckets),
                    CharNgramMax = parse.GetValue(charMax),
                    WordNgramMax = parse.GetValue(wordMax),
                },
                Dim = parse.GetValue(dim),
                Hidden = parse.GetValue(hidden),
                Epochs = parse.GetValue(epochs),
                DenseRate = parse.GetValue(denseRate),
                EmbeddingRate = parse.GetValue(embeddingRate),
                NeighbourSmoothing = parse.GetValue(smoothing),
                MaxExamples = parse.GetValue(maxExamples),
                Seed = parse.GetValue(seed),
            };
            return Run(options, parse.GetValue(data)!, parse.GetValue(dev), parse.GetValue(output)!);
        });
        return command;
    }

    private static int Run(TrainingOptions options, string data, string? dev, string output)
    {
        try
        {
            options.Featurizer.Validate();
            if (options.Dim < 1 || options.Hidden < 1 || options.Epochs < 1)
            {
                throw new ArgumentException("--dim, --hidden and --epochs must be at least 1.");
            }
            var pipeline = new TrainingPipeline(options, line => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}"));
            var summary = WithProgress(progress => pipeline.Run(data, dev, output, progress));
            PrintSummary(summary);
            return 0;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException or IOException)
        {
            Console.Error.WriteLine($"moviegpt train: {e.Message}");
            return 1;
        }
    }

    /// <summary>A live bar on a terminal; plain lines every 5% when the output goes to a log.</summary>
    private static TrainingSummary WithProgress(Func<IProgress<TrainingProgress>, TrainingSummary> run)
    {
        if (Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lastPercent = -1;
            return run(new Progress<TrainingProgress>(p =>
            {
                var percent = (int)(100 * p.Done / p.Total);
                if (percent / 5 != lastPercent / 5)
                {
                    lastPercent = percent;
                    Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] epoch {p.Epoch}/{p.Epochs} {percent,3}% loss {p.AverageLoss:F4}");
                }
            }));
        }
        TrainingSummary? summary = null;
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask("training", maxValue: 1);
            summary = run(new SynchronousProgress(p =>
            {
                task.Value = (double)p.Done / p.Total;
                task.Description = $"epoch {p.Epoch}/{p.Epochs} loss {p.AverageLoss:F4}";
            }));
            task.Value = 1;
        });
        return summary!;
    }

    private static void PrintSummary(TrainingSummary summary)
    {
        var table = new Table().AddColumns("variant", "file MB", "binary acc", "3-class macro-F1", "3-class acc", "rating MAE");
        foreach (var (variant, m) in summary.Metrics)
        {
            table.AddRow(variant, $"{m.FileBytes / 1e6:F1}", $"{m.BinaryAccuracy:P2}", $"{m.ThreeClassMacroF1:F4}", $"{m.ThreeClassAccuracy:F4}", $"{m.RatingMae:F3}");
        }
        AnsiConsole.MarkupLine($"[green]Model written to {Markup.Escape(summary.OutputDirectory)}[/] ({summary.ShippedVariant}), " +
            $"{summary.Examples:N0} reviews ({summary.Skipped} skipped), {summary.Elapsed.TotalMinutes:F1} min, " +
            $"class weights [[{string.Join(", ", summary.Decoder.ClassWeights)}]]");
        if (summary.Metrics.Count > 0)
        {
            AnsiConsole.Write(table);
        }
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
