namespace MovieGpt.Cli.Training;

/// <summary>Progress of a training run, reported after every slice of examples.</summary>
internal sealed record TrainingProgress(int Epoch, int Epochs, long Done, long Total, double AverageLoss);

/// <summary>
/// The training loop every member shares: examples shuffled per epoch and split across threads that update
/// the shared parameters lock-free (Hogwild), the learning rate decayed linearly to zero over the run.
/// Also the pieces of the objective both networks use: rating targets and the prior output bias.
/// </summary>
internal static class SgdLoop
{
    private const int ReportEvery = 20_000;

    /// <summary>
    /// Calls <paramref name="step"/>(example, remaining share of the run, thread state) for every example of
    /// every epoch; the step returns its loss.
    /// </summary>
    public static void Run<TState>(
        int count, int epochs, int threads, int seed, Func<TState> createState, Func<int, float, TState, float> step, IProgress<TrainingProgress>? progress)
    {
        var total = (long)count * epochs;
        long done = 0;
        var random = new Random(seed);
        threads = Math.Max(1, threads);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = Enumerable.Range(0, count).ToArray();
            random.Shuffle(order);
            var slice = (order.Length + threads - 1) / threads;
            double lossSum = 0;
            long lossCount = 0;
            var gate = new object();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var state = createState();
                var end = Math.Min(order.Length, (t + 1) * slice);
                double localLoss = 0;
                var localCount = 0;
                for (var k = t * slice; k < end; k++)
                {
                    localLoss += step(order[k], 1f - (float)Interlocked.Read(ref done) / total, state);
                    if (++localCount % ReportEvery == 0)
                    {
                        var now = Interlocked.Add(ref done, ReportEvery);
                        lock (gate)
                        {
                            lossSum += localLoss;
                            lossCount += ReportEvery;
                            localLoss = 0;
                            progress?.Report(new TrainingProgress(epoch + 1, epochs, now, total, lossSum / lossCount));
                        }
                    }
                }
                Interlocked.Add(ref done, localCount % ReportEvery);
            });
        }
    }

    /// <summary>Target distributions per rating: most mass on the rating, a little on its neighbours.</summary>
    public static float[][] RatingTargets(float smoothing)
    {
        const int classes = EmbeddingBagNetwork.Classes;
        var targets = new float[classes][];
        for (var r = 0; r < classes; r++)
        {
            var t = new float[classes];
            var neighbours = (r > 0 ? 1 : 0) + (r < classes - 1 ? 1 : 0);
            t[r] = 1 - smoothing;
            if (r > 0) t[r - 1] = smoothing / neighbours;
            if (r < classes - 1) t[r + 1] = smoothing / neighbours;
            targets[r] = t;
        }
        return targets;
    }

    /// <summary>The log prior of each rating: starting the output bias there saves the first updates from learning it.</summary>
    public static void SetLogPrior(float[] bias, IReadOnlyList<byte> ratings)
    {
        var counts = new double[bias.Length];
        foreach (var rating in ratings)
        {
            counts[rating]++;
        }
        for (var c = 0; c < counts.Length; c++)
        {
            bias[c] = (float)Math.Log((counts[c] + 1) / (ratings.Count + counts.Length));
        }
    }
}
