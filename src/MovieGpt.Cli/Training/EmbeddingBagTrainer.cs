using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>Progress of a training run, reported after every slice of examples.</summary>
internal sealed record TrainingProgress(int Epoch, int Epochs, long Done, long Total, double AverageLoss);

/// <summary>
/// Fits an <see cref="EmbeddingBagNetwork"/> with SGD: examples shuffled per epoch, split across threads
/// that update the shared parameters lock-free, learning rates decayed linearly to zero over the run.
/// </summary>
internal sealed class EmbeddingBagTrainer(TrainingOptions options)
{
    private const int ReportEvery = 20_000;

    public EmbeddingBagNetwork Train(FeatureCorpus corpus, FeaturizerSettings featurizer, int dim, int hidden, float embeddingRate, int seed, IProgress<TrainingProgress>? progress = null)
    {
        var network = new EmbeddingBagNetwork(featurizer.Buckets, dim, hidden, seed);
        InitializeOutputBias(network, corpus);
        var targets = BuildTargets(options.NeighbourSmoothing);
        var total = (long)corpus.Count * options.Epochs;
        long done = 0;
        var random = new Random(seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = Enumerable.Range(0, corpus.Count).ToArray();
            random.Shuffle(order);
            var threads = Math.Max(1, options.Threads);
            var slice = (order.Length + threads - 1) / threads;
            double lossSum = 0;
            long lossCount = 0;
            var gate = new object();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var workspace = network.CreateWorkspace();
                var threadRandom = new Random(seed * 7919 + t);
                var kept = new int[1024];
                var start = t * slice;
                var end = Math.Min(order.Length, start + slice);
                double localLoss = 0;
                var localCount = 0;
                for (var k = start; k < end; k++)
                {
                    var example = order[k];
                    var remaining = 1f - (float)Interlocked.Read(ref done) / total;
                    var features = Dropout(corpus.Features(example), options.FeatureDropout, threadRandom, ref kept);
                    var loss = network.Step(
                        features,
                        FeaturizerSettings.RowWeight(features.Length),
                        targets[corpus.Ratings[example]],
                        options.DenseRate * remaining,
                        embeddingRate * remaining,
                        workspace);
                    localLoss += loss;
                    if (++localCount % ReportEvery == 0)
                    {
                        var now = Interlocked.Add(ref done, ReportEvery);
                        lock (gate)
                        {
                            lossSum += localLoss;
                            lossCount += ReportEvery;
                            localLoss = 0;
                            progress?.Report(new TrainingProgress(epoch + 1, options.Epochs, now, total, lossSum / lossCount));
                        }
                    }
                }
                Interlocked.Add(ref done, localCount % ReportEvery);
            });
        }
        return network;
    }

    /// <summary>
    /// Leaves out each n-gram with probability <paramref name="rate"/> (keeping at least one), as word dropout
    /// does for averaging networks: the model cannot lean on a few n-grams and generalizes to new movies.
    /// </summary>
    private static ReadOnlySpan<int> Dropout(ReadOnlySpan<int> features, float rate, Random random, ref int[] buffer)
    {
        if (rate <= 0)
        {
            return features;
        }
        if (buffer.Length < features.Length)
        {
            buffer = new int[features.Length * 2];
        }
        var count = 0;
        foreach (var id in features)
        {
            if (random.NextSingle() >= rate)
            {
                buffer[count++] = id;
            }
        }
        if (count == 0)
        {
            buffer[count++] = features[random.Next(features.Length)];
        }
        return buffer.AsSpan(0, count);
    }

    /// <summary>Starting the output bias at the log prior of each rating saves the first updates from learning it.</summary>
    private static void InitializeOutputBias(EmbeddingBagNetwork network, FeatureCorpus corpus)
    {
        var counts = new double[EmbeddingBagNetwork.Classes];
        foreach (var rating in corpus.Ratings)
        {
            counts[rating]++;
        }
        for (var c = 0; c < counts.Length; c++)
        {
            network.B2[c] = (float)Math.Log((counts[c] + 1) / (corpus.Count + counts.Length));
        }
    }

    /// <summary>Target distributions per rating: most mass on the rating, a little on its neighbours.</summary>
    private static float[][] BuildTargets(float smoothing)
    {
        var targets = new float[EmbeddingBagNetwork.Classes][];
        for (var r = 0; r < targets.Length; r++)
        {
            var t = new float[EmbeddingBagNetwork.Classes];
            var neighbours = (r > 0 ? 1 : 0) + (r < t.Length - 1 ? 1 : 0);
            t[r] = 1 - smoothing;
            if (r > 0) t[r - 1] = smoothing / neighbours;
            if (r < t.Length - 1) t[r + 1] = smoothing / neighbours;
            targets[r] = t;
        }
        return targets;
    }
}
