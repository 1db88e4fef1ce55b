using MovieGpt.Cli.Data;
using MovieGpt.Sentiment.Onnx;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>
/// Chooses on dev, from the members' rating distributions computed in C# (no export needed), the shares of the
/// character members in the ensemble and then the decoder's class weights. Every member's own figures are
/// logged, so a run shows what each one brings.
/// </summary>
internal sealed class EnsembleTuner(Action<string> log)
{
    // Share grid of each character member; the bag members always keep at least 30 %.
    private static readonly double[] ShareGrid = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
    private const double MaxCharacterShare = 0.7;

    public (RatingDecoder Decoder, CharacterMembers? Characters) Tune(
        IReadOnlyList<EmbeddingBagNetwork> bags, IReadOnlyList<FeaturizerSettings> featurizers, CharacterMembers? characters,
        IReadOnlyList<LabeledReview> dev, TextNormalizer normalizer)
    {
        var (bag, cnn, gru) = Distributions(bags, featurizers, characters, dev, normalizer);
        int[] ratings = [.. dev.Select(r => r.Rating!.Value)];
        foreach (var (name, alone) in new[] { ("n-gram bag", bag), ("character CNN", cnn), ("character GRU", gru) })
        {
            if (alone is not null)
            {
                log($"{name} alone on dev: {RatingMetrics.Compute(alone, ratings, RatingMetrics.TuneDecoder(alone, ratings))}");
            }
        }
        if (characters is null)
        {
            return (RatingMetrics.TuneDecoder(bag, ratings), null);
        }

        double[] cnnShares = cnn is null ? [0] : ShareGrid, gruShares = gru is null ? [0] : ShareGrid;
        // Binary accuracy and three-class macro-F1 both have bars; a share pair is judged by their sum, each with
        // the decoder tuned for it (the negative weight moves both figures).
        var candidates = (from c in cnnShares from g in gruShares where c + g <= MaxCharacterShare select (Cnn: c, Gru: g)).ToList();
        var chosen = candidates
            .Select(shares =>
            {
                var mixed = Mix(bag, cnn, gru, shares.Cnn, shares.Gru);
                var decoder = RatingMetrics.TuneDecoder(mixed, ratings);
                return (Shares: shares, Decoder: decoder, Metrics: RatingMetrics.Compute(mixed, ratings, decoder));
            })
            .MaxBy(c => c.Metrics.BinaryAccuracy + c.Metrics.ThreeClassMacroF1);
        log($"shares chosen on dev: CNN {chosen.Shares.Cnn}, GRU {chosen.Shares.Gru} (of {candidates.Count} pairs); ensemble {chosen.Metrics}");
        return (chosen.Decoder, characters.WithShares(chosen.Shares.Cnn, chosen.Shares.Gru));
    }

    private static (float[][] Bag, float[][]? Cnn, float[][]? Gru) Distributions(
        IReadOnlyList<EmbeddingBagNetwork> bags, IReadOnlyList<FeaturizerSettings> featurizers, CharacterMembers? characters,
        IReadOnlyList<LabeledReview> dev, TextNormalizer normalizer)
    {
        var hashing = featurizers.Select(f => new HashingFeaturizer(f)).ToArray();
        var bag = new float[dev.Count][];
        var cnn = characters?.Cnn is null ? null : new float[dev.Count][];
        var gru = characters?.Gru is null ? null : new float[dev.Count][];
        Parallel.For(0, dev.Count,
            () => (Bags: bags.Select(m => m.CreateWorkspace()).ToArray(), Cnn: characters?.Cnn?.CreateWorkspace(1024), Gru: characters?.Gru?.CreateWorkspace(1024)),
            (i, _, w) =>
            {
                var text = normalizer.Normalize(dev[i].Text);
                var mean = new float[EmbeddingBagNetwork.Classes];
                for (var k = 0; k < bags.Count; k++)
                {
                    var ids = hashing[k].Featurize(text);
                    bags[k].Forward(ids, FeaturizerSettings.RowWeight(ids.Length), w.Bags[k]);
                    AddShare(mean, w.Bags[k].Probabilities, 1f / bags.Count);
                }
                bag[i] = mean;
                if (characters is not null)
                {
                    var chars = characters.Encoder.Encode(text);
                    if (characters.Cnn is { } c && w.Cnn is { } cw)
                    {
                        c.Forward(chars, cw);
                        cnn![i] = [.. cw.Probabilities];
                    }
                    if (characters.Gru is { } g && w.Gru is { } gw)
                    {
                        g.Forward(chars, gw);
                        gru![i] = [.. gw.Probabilities];
                    }
                }
                return w;
            }, _ => { });
        return (bag, cnn, gru);
    }

    private static float[][] Mix(float[][] bag, float[][]? cnn, float[][]? gru, double cnnShare, double gruShare)
    {
        var mixed = new float[bag.Length][];
        for (var i = 0; i < bag.Length; i++)
        {
            var mix = new float[EmbeddingBagNetwork.Classes];
            AddShare(mix, bag[i], (float)(1 - cnnShare - gruShare));
            if (cnn is not null) AddShare(mix, cnn[i], (float)cnnShare);
            if (gru is not null) AddShare(mix, gru[i], (float)gruShare);
            mixed[i] = mix;
        }
        return mixed;
    }

    private static void AddShare(float[] mix, float[] probabilities, float share)
    {
        for (var c = 0; c < mix.Length; c++)
        {
            mix[c] += share * probabilities[c];
        }
    }
}
