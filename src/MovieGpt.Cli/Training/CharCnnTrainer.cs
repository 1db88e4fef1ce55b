using MovieGpt.Cli.Data;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>Fits the character CNN member on the normalized training reviews.</summary>
internal sealed class CharCnnTrainer(TrainingOptions options)
{
    private const int MinCharacterCount = 5;

    public (CharCnnNetwork Network, CharSequenceEncoder Encoder) Train(
        IReadOnlyList<string> normalized, IReadOnlyList<LabeledReview> reviews, IProgress<TrainingProgress>? progress)
    {
        var settings = new CharCnnSettings
        {
            Vocabulary = CharSequenceEncoder.BuildVocabulary(normalized, MinCharacterCount),
            Share = options.CharCnnShare,
            GruShare = options.CharGruShare,
            Widths = options.CharCnnWidths,
        };
        var encoder = new CharSequenceEncoder(settings);
        var sequences = normalized.Select(encoder.Encode).ToArray();
        var ratings = reviews.Select(r => (byte)(FeatureCorpus.TrainingRating(r) - 1)).ToArray();
        var network = new CharCnnNetwork(encoder.TableRows, options.CharCnnDim, options.CharCnnChannels, settings.Widths, options.Seed, options.CharCnnHidden);
        SgdLoop.SetLogPrior(network.OutputBias, ratings);
        var targets = SgdLoop.RatingTargets(options.NeighbourSmoothing);
        var longest = sequences.Max(s => s.Length);
        var threadSeed = options.Seed;
        SgdLoop.Run(sequences.Length, options.CharCnnEpochs, options.Threads, options.Seed, () => network.CreateWorkspace(longest, Interlocked.Increment(ref threadSeed)),
            (example, remaining, workspace) => network.Step(sequences[example], targets[ratings[example]], options.CharCnnRate * remaining, workspace, options.CharCnnDropout),
            progress);
        return (network, encoder);
    }
}
