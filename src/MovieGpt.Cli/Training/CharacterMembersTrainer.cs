using MovieGpt.Cli.Data;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>Builds the character vocabulary and fits the character members (CNN, GRU) that the options ask for.</summary>
internal sealed class CharacterMembersTrainer(TrainingOptions options)
{
    private const int MinCharacterCount = 5;

    public CharacterMembers Train(IReadOnlyList<string> normalized, IReadOnlyList<LabeledReview> reviews, IProgress<TrainingProgress>? progress)
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
        var targets = SgdLoop.RatingTargets(options.NeighbourSmoothing);
        var longest = sequences.Max(s => s.Length);

        CharCnnNetwork? cnn = null;
        if (settings.HasCnn)
        {
            cnn = new CharCnnNetwork(encoder.TableRows, options.CharCnnDim, options.CharCnnChannels, settings.Widths, options.Seed, options.CharCnnHidden);
            SgdLoop.SetLogPrior(cnn.OutputBias, ratings);
            var threadSeed = options.Seed;
            SgdLoop.Run(sequences.Length, options.CharCnnEpochs, options.Threads, options.Seed, () => cnn.CreateWorkspace(longest, Interlocked.Increment(ref threadSeed)),
                (example, remaining, workspace) => cnn.Step(sequences[example], targets[ratings[example]], options.CharCnnRate * remaining, workspace, options.CharCnnDropout),
                progress);
        }
        CharGruNetwork? gru = null;
        if (settings.GruShare > 0)
        {
            gru = new CharGruNetwork(encoder.TableRows, options.CharGruDim, options.CharGruHidden, options.Seed + 101, options.CharGruMean, options.CharGruBigrams);
            SgdLoop.SetLogPrior(gru.OutputBias, ratings);
            SgdLoop.Run(sequences.Length, options.CharGruEpochs, options.Threads, options.Seed + 101, () => gru.CreateWorkspace(longest),
                (example, remaining, workspace) => gru.Step(sequences[example], targets[ratings[example]], options.CharGruRate * remaining, workspace),
                progress);
        }
        return new CharacterMembers(encoder, cnn, gru);
    }
}
