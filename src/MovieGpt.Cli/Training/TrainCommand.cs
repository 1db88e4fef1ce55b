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
        var members = new Option<int>("--members") { Description = "Ensemble members (each with its own hash seed).", DefaultValueFactory = _ => defaults.Featurizers.Count };
        var buckets = new Option<int>("--buckets") { Description = "Hash buckets per member (rows of its embedding table).", DefaultValueFactory = _ => defaults.Featurizers[0].Buckets };
        var dim = new Option<int[]>("--dim") { Description = "Embedding width, per member (cycled).", DefaultValueFactory = _ => [.. defaults.Dims], AllowMultipleArgumentsPerToken = true };
        var hidden = new Option<int[]>("--hidden") { Description = "Hidden layer width, per member (cycled); 0 = linear member of width 10.", DefaultValueFactory = _ => [.. defaults.Hiddens], AllowMultipleArgumentsPerToken = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data.", DefaultValueFactory = _ => defaults.Epochs };
        var denseRate = new Option<float>("--dense-rate") { Description = "Learning rate of the MLP.", DefaultValueFactory = _ => defaults.DenseRate };
        var embeddingRate = new Option<float[]>("--embedding-rate") { Description = "Learning rate of the embeddings, per member (cycled).", DefaultValueFactory = _ => [.. defaults.EmbeddingRates], AllowMultipleArgumentsPerToken = true };
        var smoothing = new Option<float>("--smoothing") { Description = "Target mass moved to neighbouring ratings.", DefaultValueFactory = _ => defaults.NeighbourSmoothing };
        var charMax = new Option<int[]>("--char-ngrams") { Description = "Longest character n-gram, per member (cycled).", DefaultValueFactory = _ => [defaults.Featurizers[0].CharNgramMax], AllowMultipleArgumentsPerToken = true };
        var wordMax = new Option<int[]>("--word-ngrams") { Description = "Longest word n-gram, per member (cycled).", DefaultValueFactory = _ => [defaults.Featurizers[0].WordNgramMax], AllowMultipleArgumentsPerToken = true };
        var tail = new Option<int[]>("--tail") { Description = "Tail characters with n-grams of their own, per member (cycled; 0 = off).", DefaultValueFactory = _ => [defaults.Featurizers[0].TailCharacters], AllowMultipleArgumentsPerToken = true };
        var unspaced = new Option<int[]>("--unspaced") { Description = "Longest n-gram over the text without spaces, per member (cycled; 0 = off).", DefaultValueFactory = _ => [defaults.Featurizers[0].UnspacedNgramMax], AllowMultipleArgumentsPerToken = true };
        var charMin = new Option<int>("--char-min") { Description = "Shortest character n-gram.", DefaultValueFactory = _ => defaults.Featurizers[0].CharNgramMin };
        var charCnn = new Option<double>("--char-cnn") { Description = "Share of the character CNN in the ensemble (0 = none); with --dev, the shares of the CNN and the GRU are chosen on dev.", DefaultValueFactory = _ => defaults.CharCnnShare };
        var charCnnEpochs = new Option<int>("--char-cnn-epochs") { Description = "Passes of the character CNN over the data.", DefaultValueFactory = _ => defaults.CharCnnEpochs };
        var charCnnDim = new Option<int>("--char-cnn-dim") { Description = "Character embedding width of the CNN.", DefaultValueFactory = _ => defaults.CharCnnDim };
        var charCnnChannels = new Option<int>("--char-cnn-channels") { Description = "CNN filters per width.", DefaultValueFactory = _ => defaults.CharCnnChannels };
        var charCnnHidden = new Option<int>("--char-cnn-hidden") { Description = "Hidden layer width of the CNN (0 = none).", DefaultValueFactory = _ => defaults.CharCnnHidden };
        var charCnnDropout = new Option<float>("--char-cnn-dropout") { Description = "Share of the CNN's pooled filters dropped per training step.", DefaultValueFactory = _ => defaults.CharCnnDropout };
        var charCnnWidths = new Option<int[]>("--char-cnn-widths") { Description = "Filter widths of the CNN.", DefaultValueFactory = _ => [.. defaults.CharCnnWidths], AllowMultipleArgumentsPerToken = true };
        var charCnnRate = new Option<float>("--char-cnn-rate") { Description = "Learning rate of the CNN.", DefaultValueFactory = _ => defaults.CharCnnRate };
        var gru = new Option<double>("--char-gru") { Description = "Share of the bidirectional GRU over the characters (0 = none); with --dev, chosen on dev.", DefaultValueFactory = _ => defaults.CharGruShare };
        var gruDim = new Option<int>("--char-gru-dim") { Description = "Character embedding width of the GRU.", DefaultValueFactory = _ => defaults.CharGruDim };
        var gruHidden = new Option<int>("--char-gru-hidden") { Description = "GRU state width per direction.", DefaultValueFactory = _ => defaults.CharGruHidden };
        var gruEpochs = new Option<int>("--char-gru-epochs") { Description = "Passes of the GRU over the data.", DefaultValueFactory = _ => defaults.CharGruEpochs };
        var gruRate = new Option<float>("--char-gru-rate") { Description = "Learning rate of the GRU.", DefaultValueFactory = _ => defaults.CharGruRate };
        var gruMean = new Option<bool>("--char-gru-mean") { Description = "GRU features include the mean of its states, besides their max.", DefaultValueFactory = _ => defaults.CharGruMean };
        var gruBigrams = new Option<int>("--char-gru-bigrams") { Description = "Hash buckets of character bigrams the GRU reads beside each character (0 = none).", DefaultValueFactory = _ => defaults.CharGruBigrams };
        var maxExamples = new Option<int>("--max-examples") { Description = "Train on the first N reviews only (0 = all).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => defaults.Seed };

        var command = new Command("train", "Train a sentiment model and write a model folder (manifest.json + ONNX).")
        {
            data, dev, output, members, buckets, dim, hidden, epochs, denseRate, embeddingRate, smoothing, charMax, wordMax, tail, unspaced, charMin, charCnn, charCnnEpochs, charCnnDim, charCnnChannels, charCnnHidden, charCnnDropout, charCnnRate, charCnnWidths, gru, gruDim, gruHidden, gruEpochs, gruRate, gruMean, gruBigrams, maxExamples, seed,
        };
        command.SetAction(parse =>
        {
            TrainingOptions Options() => defaults with
            {
                Featurizers = MemberFeaturizers(
                    defaults.Featurizers[0] with { CharNgramMin = parse.GetValue(charMin) }, parse.GetValue(members), parse.GetValue(buckets), parse.GetValue(charMax)!, parse.GetValue(wordMax)!, parse.GetValue(tail)!, parse.GetValue(unspaced)!),
                Dims = parse.GetValue(dim)!,
                Hiddens = parse.GetValue(hidden)!,
                Epochs = parse.GetValue(epochs),
                CharCnnShare = parse.GetValue(charCnn),
                CharCnnEpochs = parse.GetValue(charCnnEpochs),
                CharCnnDim = parse.GetValue(charCnnDim),
                CharCnnChannels = parse.GetValue(charCnnChannels),
                CharCnnHidden = parse.GetValue(charCnnHidden),
                CharCnnDropout = parse.GetValue(charCnnDropout),
                CharCnnRate = parse.GetValue(charCnnRate),
                CharCnnWidths = parse.GetValue(charCnnWidths)!,
                CharGruShare = parse.GetValue(gru),
                CharGruDim = parse.GetValue(gruDim),
                CharGruHidden = parse.GetValue(gruHidden),
                CharGruEpochs = parse.GetValue(gruEpochs),
                CharGruRate = parse.GetValue(gruRate),
                CharGruMean = parse.GetValue(gruMean),
                CharGruBigrams = parse.GetValue(gruBigrams),
                DenseRate = parse.GetValue(denseRate),
                EmbeddingRates = parse.GetValue(embeddingRate)!,
                NeighbourSmoothing = parse.GetValue(smoothing),
                MaxExamples = parse.GetValue(maxExamples),
                Seed = parse.GetValue(seed),
            };
            return Run(Options, parse.GetValue(data)!, parse.GetValue(dev), parse.GetValue(output)!);
        });
        return command;
    }

    /// <summary>Member k gets its own hash seed and the k-th (cycled) n-gram lengths.</summary>
    private static FeaturizerSettings[] MemberFeaturizers(FeaturizerSettings baseline, int count, int buckets, int[] charMax, int[] wordMax, int[] tail, int[] unspaced)
    {
        if (count < 1 || charMax.Length == 0 || wordMax.Length == 0 || tail.Length == 0 || unspaced.Length == 0)
        {
            throw new ArgumentException("--members must be at least 1 and the n-gram lists non-empty.");
        }
        return [.. Enumerable.Range(0, count).Select(k => baseline with
        {
            Buckets = buckets,
            CharNgramMax = charMax[k % charMax.Length],
            WordNgramMax = wordMax[k % wordMax.Length],
            TailCharacters = tail[k % tail.Length],
            UnspacedNgramMax = unspaced[k % unspaced.Length],
            HashSeed = baseline.HashSeed + (uint)k * 0x01000193u,
        })];
    }

    private static int Run(Func<TrainingOptions> readOptions, string data, string? dev, string output)
    {
        try
        {
            var options = readOptions();
            foreach (var featurizer in options.Featurizers)
            {
                featurizer.Validate();
            }
            for (var k = 0; k < options.Featurizers.Count; k++)
            {
                if (options.DimOf(k) < 1 || options.HiddenOf(k) < 0 || (options.HiddenOf(k) == 0 && options.DimOf(k) != EmbeddingBagNetwork.Classes))
                {
                    throw new ArgumentException($"member {k + 1}: --dim must be at least 1, --hidden at least 0, and a linear member (hidden 0) needs --dim {EmbeddingBagNetwork.Classes}.");
                }
            }
            if (options.Epochs < 1 || options.Dims.Count == 0 || options.Hiddens.Count == 0)
            {
                throw new ArgumentException("--epochs must be at least 1 and --dim/--hidden non-empty.");
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
