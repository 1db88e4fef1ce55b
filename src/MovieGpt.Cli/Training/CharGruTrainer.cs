using MovieGpt.Cli.Data;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>Fits the bidirectional GRU member on the character sequences the CNN member reads.</summary>
internal sealed class CharGruTrainer(TrainingOptions options)
{
    public CharGruNetwork Train(
        CharSequenceEncoder encoder, IReadOnlyList<string> normalized, IReadOnlyList<LabeledReview> reviews, IProgress<TrainingProgress>? progress)
    {
        var sequences = normalized.Select(encoder.Encode).ToArray();
        var ratings = reviews.Select(r => (byte)(FeatureCorpus.TrainingRating(r) - 1)).ToArray();
        var network = new CharGruNetwork(encoder.TableRows, options.CharGruDim, options.CharGruHidden, options.Seed + 101);
        SgdLoop.SetLogPrior(network.OutputBias, ratings);
        var targets = SgdLoop.RatingTargets(options.NeighbourSmoothing);
        var longest = sequences.Max(s => s.Length);
        SgdLoop.Run(sequences.Length, options.CharGruEpochs, options.Threads, options.Seed + 101, () => network.CreateWorkspace(longest),
            (example, remaining, workspace) => network.Step(sequences[example], targets[ratings[example]], options.CharGruRate * remaining, workspace),
            progress);
        return network;
    }
}
