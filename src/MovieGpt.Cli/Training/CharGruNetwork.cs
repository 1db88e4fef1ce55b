using static MovieGpt.Cli.Training.VectorMath;

namespace MovieGpt.Cli.Training;

/// <summary>
/// The recurrent member: character embeddings → a bidirectional GRU → ReLU and max over positions of both
/// directions' states (and, optionally, their mean, which keeps the review's overall tone) → softmax over the
/// ten star ratings. The CNN and the n-gram bag see spans of at most
/// five characters; this one reads the whole review in both directions, so a verdict that turns late
/// ("재밌을 줄 알았는데 별로") or depends on words far apart is within its reach.
/// The cell is ONNX's GRU (gates z, r, h; linear_before_reset = 0) so the export is its weights, unchanged.
/// Weights are kept transposed ([input][3 × hidden]) so that a step is a few long SIMD runs, not many short dots.
/// </summary>
internal sealed partial class CharGruNetwork
{
    public const int Classes = EmbeddingBagNetwork.Classes;
    public const int Directions = 2;

    public CharGruNetwork(int tableRows, int dim, int hidden, int seed, bool meanPooling = false, int bigramBuckets = 0)
    {
        Dim = dim;
        Hidden = hidden;
        MeanPooling = meanPooling;
        BigramBuckets = bigramBuckets;
        var random = new Random(seed);
        Embeddings = FillUniform(new float[tableRows * dim], random, 0.1f);
        BigramEmbeddings = FillUniform(new float[bigramBuckets * dim], random, 0.1f);
        var range = 1f / MathF.Sqrt(hidden);
        InputWeights = [.. Enumerable.Range(0, Directions).Select(_ => FillUniform(new float[dim * Gates], random, range))];
        RecurrentWeights = [.. Enumerable.Range(0, Directions).Select(_ => FillUniform(new float[hidden * Gates], random, range))];
        Bias = [.. Enumerable.Range(0, Directions).Select(_ => new float[Gates])];
        Output = FillUniform(new float[Classes * Features], random, MathF.Sqrt(6f / (Features + Classes)));
        OutputBias = new float[Classes];
    }

    public int Dim { get; }

    public int Hidden { get; }

    /// <summary>Pre-activations per step: update gate z, reset gate r, candidate h, each <see cref="Hidden"/> wide.</summary>
    public int Gates => 3 * Hidden;

    /// <summary>Whether the mean of the states over positions joins their max as features.</summary>
    public bool MeanPooling { get; }

    /// <summary>Max-pooled states of both directions, then (with mean pooling) their means.</summary>
    public int Features => Directions * Hidden * (MeanPooling ? 2 : 1);

    /// <summary>The max-pooled features alone: the ones that remember which step won.</summary>
    internal int MaxFeatures => Directions * Hidden;

    public float[] Embeddings { get; }

    /// <summary>
    /// Hash buckets of character bigrams; 0 = none. With them, a step reads its character's row plus the row of
    /// the bigram it ends, so the recurrence starts from two-character units (Korean words are short).
    /// </summary>
    public int BigramBuckets { get; }

    /// <summary>[BigramBuckets, Dim].</summary>
    public float[] BigramEmbeddings { get; }

    /// <summary>The bigram ending at position p: (previous id × this multiplier + id) mod buckets; the graph computes the same.</summary>
    public const long BigramMultiplier = 1_000_003;

    public int BigramAt(ReadOnlySpan<int> ids, int p) => (int)(((p == 0 ? 0L : ids[p - 1]) * BigramMultiplier + ids[p]) % BigramBuckets);

    /// <summary>Per direction: [Dim][Gates] (row k = input k's contribution to every gate).</summary>
    public float[][] InputWeights { get; }

    /// <summary>Per direction: [Hidden][Gates]; the candidate part multiplies r ⊙ h, as in ONNX.</summary>
    public float[][] RecurrentWeights { get; }

    /// <summary>Per direction: [Gates]; ONNX's input and recurrent biases add up, so one is trained.</summary>
    public float[][] Bias { get; }

    /// <summary>[Classes, Features], row-major; features are the forward then the backward pooled states.</summary>
    public float[] Output { get; }

    public float[] OutputBias { get; }

    public Workspace CreateWorkspace(int maxLength) => new(this, maxLength);

    public void Forward(ReadOnlySpan<int> ids, Workspace w)
    {
        var length = ids.Length;
        for (var p = 0; p < length; p++)
        {
            var x = w.Inputs.AsSpan(p * Dim, Dim);
            Embeddings.AsSpan(ids[p] * Dim, Dim).CopyTo(x);
            if (BigramBuckets > 0)
            {
                AddScaled(x, BigramEmbeddings.AsSpan(BigramAt(ids, p) * Dim, Dim), 1);
            }
        }
        for (var d = 0; d < Directions; d++)
        {
            w.States.AsSpan(StateAt(d, 0, length), Hidden).Clear();
            for (var s = 0; s < length; s++)
            {
                var position = d == 0 ? s : length - 1 - s;
                Cell(d, w.Inputs.AsSpan(position * Dim, Dim), w, length, s);
            }
            for (var j = 0; j < Hidden; j++)
            {
                var best = 0f;
                var at = -1;
                for (var s = 0; s < length; s++)
                {
                    var value = w.States[StateAt(d, s + 1, length) + j];
                    if (value > best)
                    {
                        best = value;
                        at = s;
                    }
                }
                w.Pooled[d * Hidden + j] = best;
                w.PooledAt[d * Hidden + j] = at;
            }
            if (MeanPooling)
            {
                var mean = w.Pooled.AsSpan(MaxFeatures + d * Hidden, Hidden);
                mean.Clear();
                for (var s = 0; s < length; s++)
                {
                    AddScaled(mean, w.States.AsSpan(StateAt(d, s + 1, length), Hidden), 1f / length);
                }
            }
        }
        for (var k = 0; k < Classes; k++)
        {
            w.Probabilities[k] = OutputBias[k] + Dot(Output.AsSpan(k * Features, Features), w.Pooled);
        }
        Softmax(w.Probabilities);
    }

    /// <summary>Step <paramref name="s"/> of direction <paramref name="d"/>: h' = (1 − z) ⊙ n + z ⊙ h.</summary>
    private void Cell(int d, ReadOnlySpan<float> x, Workspace w, int length, int s)
    {
        var h = w.States.AsSpan(StateAt(d, s, length), Hidden);
        var next = w.States.AsSpan(StateAt(d, s + 1, length), Hidden);
        var a = w.Activations.AsSpan((d * length + s) * Gates, Gates);
        var rh = w.ResetStates.AsSpan((d * length + s) * Hidden, Hidden);
        var input = InputWeights[d];
        var recurrent = RecurrentWeights[d];
        Bias[d].CopyTo(a);
        for (var k = 0; k < Dim; k++)
        {
            AddScaled(a, input.AsSpan(k * Gates, Gates), x[k]);
        }
        var zr = a[..(2 * Hidden)];
        for (var k = 0; k < Hidden; k++)
        {
            AddScaled(zr, recurrent.AsSpan(k * Gates, 2 * Hidden), h[k]);
        }
        for (var j = 0; j < 2 * Hidden; j++)
        {
            zr[j] = 1f / (1f + MathF.Exp(-zr[j]));
        }
        var candidate = a[(2 * Hidden)..];
        for (var k = 0; k < Hidden; k++)
        {
            rh[k] = a[Hidden + k] * h[k];
            AddScaled(candidate, recurrent.AsSpan(k * Gates + 2 * Hidden, Hidden), rh[k]);
        }
        for (var j = 0; j < Hidden; j++)
        {
            var n = candidate[j] = MathF.Tanh(candidate[j]);
            var z = a[j];
            next[j] = (1 - z) * n + z * h[j];
        }
    }

    /// <summary>One SGD step toward <paramref name="target"/>, backpropagated through time in both directions.</summary>
    public float Step(ReadOnlySpan<int> ids, ReadOnlySpan<float> target, float rate, Workspace w)
    {
        Forward(ids, w);
        var loss = CrossEntropy(w.Probabilities, target, w.OutputGradient);
        var length = ids.Length;
        var stateGradient = w.StateGradient.AsSpan(0, Directions * length * Hidden);
        stateGradient.Clear();
        for (var k = 0; k < Classes; k++)
        {
            var row = Output.AsSpan(k * Features, Features);
            var g = w.OutputGradient[k];
            for (var f = 0; f < MaxFeatures; f++)
            {
                if (w.PooledAt[f] >= 0)
                {
                    var d = f / Hidden;
                    stateGradient[(d * length + w.PooledAt[f]) * Hidden + f % Hidden] += g * row[f];
                }
            }
            if (MeanPooling)
            {
                // Every state gets an equal part of the mean's gradient.
                for (var d = 0; d < Directions; d++)
                {
                    var meanRow = row.Slice(MaxFeatures + d * Hidden, Hidden);
                    for (var s = 0; s < length; s++)
                    {
                        AddScaled(stateGradient.Slice((d * length + s) * Hidden, Hidden), meanRow, g / length);
                    }
                }
            }
            AddScaled(row, w.Pooled, -rate * g);
            OutputBias[k] -= rate * g;
        }
        var embeddingGradient = w.EmbeddingGradient.AsSpan(0, length * Dim);
        embeddingGradient.Clear();
        for (var d = 0; d < Directions; d++)
        {
            Backward(d, ids, w);
            AddScaled(InputWeights[d], w.InputGradients[d], -rate);
            AddScaled(RecurrentWeights[d], w.RecurrentGradients[d], -rate);
            AddScaled(Bias[d], w.BiasGradients[d], -rate);
        }
        for (var p = 0; p < length; p++)
        {
            AddScaled(Embeddings.AsSpan(ids[p] * Dim, Dim), embeddingGradient.Slice(p * Dim, Dim), -rate);
            if (BigramBuckets > 0)
            {
                AddScaled(BigramEmbeddings.AsSpan(BigramAt(ids, p) * Dim, Dim), embeddingGradient.Slice(p * Dim, Dim), -rate);
            }
        }
        return loss;
    }

    /// <summary>Through time for direction <paramref name="d"/>: fills its weight gradients and adds to the embedding gradient.</summary>
    private void Backward(int d, ReadOnlySpan<int> ids, Workspace w)
    {
        var length = ids.Length;
        var input = InputWeights[d];
        var recurrent = RecurrentWeights[d];
        var gInput = w.InputGradients[d];
        var gRecurrent = w.RecurrentGradients[d];
        var gBias = w.BiasGradients[d];
        Array.Clear(gInput);
        Array.Clear(gRecurrent);
        Array.Clear(gBias);
        var carry = w.Carry.AsSpan();
        carry.Clear();
        var da = w.GateGradient.AsSpan();
        for (var s = length - 1; s >= 0; s--)
        {
            var position = d == 0 ? s : length - 1 - s;
            var x = w.Inputs.AsSpan(position * Dim, Dim);
            var h = w.States.AsSpan(StateAt(d, s, length), Hidden);
            var a = w.Activations.AsSpan((d * length + s) * Gates, Gates);
            var rh = w.ResetStates.AsSpan((d * length + s) * Hidden, Hidden);
            var pooled = w.StateGradient.AsSpan((d * length + s) * Hidden, Hidden);
            for (var j = 0; j < Hidden; j++)
            {
                var dh = carry[j] + pooled[j];
                float z = a[j], n = a[2 * Hidden + j];
                da[j] = dh * (h[j] - n) * z * (1 - z);
                da[2 * Hidden + j] = dh * (1 - z) * (1 - n * n);
                carry[j] = dh * z;
            }
            // The candidate read r ⊙ h: its gradient splits between the reset gate and the previous state.
            var dCandidate = da[(2 * Hidden)..];
            for (var k = 0; k < Hidden; k++)
            {
                var drh = Dot(recurrent.AsSpan(k * Gates + 2 * Hidden, Hidden), dCandidate);
                var r = a[Hidden + k];
                da[Hidden + k] = drh * h[k] * r * (1 - r);
                carry[k] += drh * r;
                AddScaled(gRecurrent.AsSpan(k * Gates + 2 * Hidden, Hidden), dCandidate, rh[k]);
            }
            var dzr = da[..(2 * Hidden)];
            for (var k = 0; k < Hidden; k++)
            {
                carry[k] += Dot(recurrent.AsSpan(k * Gates, 2 * Hidden), dzr);
                AddScaled(gRecurrent.AsSpan(k * Gates, 2 * Hidden), dzr, h[k]);
            }
            var dx = w.EmbeddingGradient.AsSpan(position * Dim, Dim);
            for (var k = 0; k < Dim; k++)
            {
                dx[k] += Dot(input.AsSpan(k * Gates, Gates), da);
                AddScaled(gInput.AsSpan(k * Gates, Gates), da, x[k]);
            }
            AddScaled(gBias, da, 1);
        }
    }

    private int StateAt(int d, int step, int length) => (d * (length + 1) + step) * Hidden;
}
