using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>Fits an <see cref="EmbeddingBagNetwork"/> member on a featurized corpus.</summary>
internal sealed class EmbeddingBagTrainer(TrainingOptions options)
{
    public EmbeddingBagNetwork Train(FeatureCorpus corpus, FeaturizerSettings featurizer, int dim, int hidden, float embeddingRate, int seed, IProgress<TrainingProgress>? progress = null)
    {
        var network = new EmbeddingBagNetwork(featurizer.Buckets, dim, hidden, seed);
        SgdLoop.SetLogPrior(network.B2, corpus.Ratings);
        var targets = SgdLoop.RatingTargets(options.NeighbourSmoothing);
        SgdLoop.Run(corpus.Count, options.Epochs, options.Threads, seed, network.CreateWorkspace, (example, remaining, workspace) =>
        {
            var features = corpus.Features(example);
            return network.Step(
                features,
                FeaturizerSettings.RowWeight(features.Length),
                targets[corpus.Ratings[example]],
                options.DenseRate * remaining,
                embeddingRate * remaining,
                workspace);
        }, progress);
        return network;
    }
}
