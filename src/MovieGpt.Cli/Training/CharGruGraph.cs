using MovieGpt.Sentiment.Onnx;
using Onnx;
using static MovieGpt.Cli.Training.OnnxModelWriter;

namespace MovieGpt.Cli.Training;

/// <summary>
/// The GRU member as ONNX nodes over the CNN's character ids: Gather → Transpose to [time, batch, dim] → GRU
/// (bidirectional, each review's length counted from its non-padding ids, so the backward direction starts at
/// the review's own end) → ReduceMax over time → Relu [→ Concat with the mean over time] → [batch, features] → MatMul/Add → Softmax. ONNX
/// Runtime writes zeros past a review's length, so Relu after the max equals the trainer's max(0, states).
/// </summary>
internal static class CharGruGraph
{
    public static string Add(GraphProto graph, CharGruNetwork network)
    {
        const string prefix = "gru_";
        var chars = OnnxGraphInputs.CharsInput;
        graph.Initializer.Add(FloatTensor(prefix + "embeddings", [network.Embeddings.Length / network.Dim, network.Dim], network.Embeddings));
        graph.Node.Add(Node("Gather", [prefix + "embeddings", chars], [prefix + "x_chars"]));
        var x = prefix + "x_chars";
        if (network.BigramBuckets > 0)
        {
            // The bigram ending at each position: (previous id × multiplier + id) mod buckets, the previous id of
            // the first position being 0, exactly as the trainer hashes it.
            graph.Initializer.Add(Int64Tensor(prefix + "zero", [0]));
            graph.Initializer.Add(Int64Tensor(prefix + "one", [1]));
            graph.Initializer.Add(Int64Tensor(prefix + "minus_one", [-1]));
            graph.Initializer.Add(Int64Tensor(prefix + "multiplier", [CharGruNetwork.BigramMultiplier]));
            graph.Initializer.Add(Int64Tensor(prefix + "buckets", [network.BigramBuckets]));
            graph.Node.Add(Node("Slice", [chars, prefix + "zero", prefix + "one", prefix + "one"], [prefix + "first"]));
            graph.Node.Add(Node("Mul", [prefix + "first", prefix + "zero"], [prefix + "start"]));
            graph.Node.Add(Node("Slice", [chars, prefix + "zero", prefix + "minus_one", prefix + "one"], [prefix + "before_last"]));
            graph.Node.Add(Node("Concat", [prefix + "start", prefix + "before_last"], [prefix + "previous"], Attribute("axis", 1)));
            graph.Node.Add(Node("Mul", [prefix + "previous", prefix + "multiplier"], [prefix + "previous_scaled"]));
            graph.Node.Add(Node("Add", [prefix + "previous_scaled", chars], [prefix + "pair"]));
            graph.Node.Add(Node("Mod", [prefix + "pair", prefix + "buckets"], [prefix + "bigrams"]));
            graph.Initializer.Add(FloatTensor(prefix + "bigram_embeddings", [network.BigramBuckets, network.Dim], network.BigramEmbeddings));
            graph.Node.Add(Node("Gather", [prefix + "bigram_embeddings", prefix + "bigrams"], [prefix + "x_bigrams"]));
            graph.Node.Add(Node("Add", [prefix + "x_chars", prefix + "x_bigrams"], [prefix + "x"]));
            x = prefix + "x";
        }
        graph.Node.Add(Node("Transpose", [x], [prefix + "x_t"], Ints("perm", [1, 0, 2])));

        graph.Initializer.Add(Int64Tensor(prefix + "padding", [0]));
        graph.Node.Add(Node("Greater", [chars, prefix + "padding"], [prefix + "present"]));
        graph.Node.Add(Node("Cast", [prefix + "present"], [prefix + "present_i"], Attribute("to", (long)TensorProto.Types.DataType.Int32)));
        graph.Node.Add(Node("ReduceSum", [prefix + "present_i", "axis_seq"], [prefix + "lengths"], Attribute("keepdims", 0)));

        int h = network.Hidden, gates = network.Gates, dim = network.Dim;
        var w = new List<float>();
        var r = new List<float>();
        var b = new List<float>();
        for (var d = 0; d < CharGruNetwork.Directions; d++)
        {
            w.AddRange(Transpose(network.InputWeights[d], dim, gates));
            r.AddRange(Transpose(network.RecurrentWeights[d], h, gates));
            b.AddRange(network.Bias[d]);
            b.AddRange(new float[gates]);
        }
        graph.Initializer.Add(FloatTensor(prefix + "w", [CharGruNetwork.Directions, gates, dim], [.. w]));
        graph.Initializer.Add(FloatTensor(prefix + "r", [CharGruNetwork.Directions, gates, h], [.. r]));
        graph.Initializer.Add(FloatTensor(prefix + "b", [CharGruNetwork.Directions, 2 * gates], [.. b]));
        graph.Node.Add(Node("GRU", [prefix + "x_t", prefix + "w", prefix + "r", prefix + "b", prefix + "lengths"], [prefix + "y"],
            Attribute("hidden_size", h), Text("direction", "bidirectional")));

        graph.Node.Add(Node("ReduceMax", [prefix + "y"], [prefix + "max"], Attribute("keepdims", 0), Ints("axes", [0])));
        graph.Node.Add(Node("Relu", [prefix + "max"], [prefix + "max_pooled"]));
        var pooled = prefix + "max_pooled";
        if (network.MeanPooling)
        {
            // Past a review's end the states are 0, so the sum over time divided by the length is the mean.
            graph.Initializer.Add(Int64Tensor(prefix + "axis_time", [0]));
            graph.Initializer.Add(Int64Tensor(prefix + "length_shape", [1, -1, 1]));
            graph.Node.Add(Node("ReduceSum", [prefix + "y", prefix + "axis_time"], [prefix + "sum"], Attribute("keepdims", 0)));
            graph.Node.Add(Node("Cast", [prefix + "lengths"], [prefix + "lengths_f"], Attribute("to", (long)TensorProto.Types.DataType.Float)));
            graph.Node.Add(Node("Reshape", [prefix + "lengths_f", prefix + "length_shape"], [prefix + "lengths_3d"]));
            graph.Node.Add(Node("Div", [prefix + "sum", prefix + "lengths_3d"], [prefix + "mean"]));
            graph.Node.Add(Node("Concat", [prefix + "max_pooled", prefix + "mean"], [prefix + "max_mean"], Attribute("axis", 0)));
            pooled = prefix + "max_mean";
        }
        graph.Node.Add(Node("Transpose", [pooled], [prefix + "pooled_t"], Ints("perm", [1, 0, 2])));
        graph.Initializer.Add(Int64Tensor(prefix + "features_shape", [0, network.Features]));
        graph.Node.Add(Node("Reshape", [prefix + "pooled_t", prefix + "features_shape"], [prefix + "features"]));
        graph.Initializer.Add(FloatTensor(prefix + "output", [network.Features, CharGruNetwork.Classes], Transpose(network.Output, CharGruNetwork.Classes, network.Features)));
        graph.Initializer.Add(FloatTensor(prefix + "output_bias", [CharGruNetwork.Classes], network.OutputBias));
        graph.Node.Add(Node("MatMul", [prefix + "features", prefix + "output"], [prefix + "logits_linear"]));
        graph.Node.Add(Node("Add", [prefix + "logits_linear", prefix + "output_bias"], [prefix + "logits"]));
        graph.Node.Add(Node("Softmax", [prefix + "logits"], [prefix + "probs"], Attribute("axis", -1)));
        return prefix + "probs";
    }
}
