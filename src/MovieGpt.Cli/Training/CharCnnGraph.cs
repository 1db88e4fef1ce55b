using MovieGpt.Sentiment.Onnx;
using Onnx;
using static MovieGpt.Cli.Training.OnnxModelWriter;

namespace MovieGpt.Cli.Training;

/// <summary>
/// The character CNN member as ONNX nodes: chars [batch, n] → Gather → Transpose → one Conv per width →
/// + mask (−1e9 on windows past a review's end) → ReduceMax over positions → Relu → Concat → [MatMul/Add/Relu hidden layer] → MatMul/Add →
/// Softmax. Relu after the max equals the max after Relu, and a fully masked filter gives 0 as in training.
/// </summary>
internal static class CharCnnGraph
{
    public static string Add(GraphProto graph, CharCnnNetwork network)
    {
        const string prefix = "cnn_";
        graph.Initializer.Add(FloatTensor(prefix + "embeddings", [network.Embeddings.Length / network.Dim, network.Dim], network.Embeddings));
        graph.Node.Add(Node("Gather", [prefix + "embeddings", OnnxGraphInputs.CharsInput], [prefix + "x"]));
        graph.Node.Add(Node("Transpose", [prefix + "x"], [prefix + "x_t"], Ints("perm", [0, 2, 1])));
        var pooled = new List<string>();
        for (var f = 0; f < network.Widths.Length; f++)
        {
            var width = network.Widths[f];
            var mask = OnnxGraphInputs.CharMaskInput(width);
            var n = $"{prefix}w{width}_";
            graph.Input.Add(TensorInput(mask, TensorProto.Types.DataType.Float, $"windows_{width}"));
            graph.Initializer.Add(FloatTensor(n + "filters", [network.Channels, network.Dim, width], ConvLayout(network.Filters[f], network.Channels, network.Dim, width)));
            graph.Initializer.Add(FloatTensor(n + "bias", [network.Channels], network.FilterBias[f]));
            graph.Node.Add(Node("Conv", [prefix + "x_t", n + "filters", n + "bias"], [n + "conv"]));
            graph.Node.Add(Node("Unsqueeze", [mask, "axis_channels"], [n + "mask_3d"]));
            graph.Node.Add(Node("Add", [n + "conv", n + "mask_3d"], [n + "masked"]));
            graph.Node.Add(Node("ReduceMax", [n + "masked"], [n + "max"], Attribute("keepdims", 0), Ints("axes", [2])));
            graph.Node.Add(Node("Relu", [n + "max"], [n + "pooled"]));
            pooled.Add(n + "pooled");
        }
        graph.Initializer.Add(Int64Tensor("axis_channels", [1]));
        graph.Node.Add(Node("Concat", [.. pooled], [prefix + "features"], Attribute("axis", 1)));
        var head = prefix + "features";
        if (network.Hidden > 0)
        {
            graph.Initializer.Add(FloatTensor(prefix + "w1", [network.Features, network.Hidden], Transpose(network.W1, network.Hidden, network.Features)));
            graph.Initializer.Add(FloatTensor(prefix + "b1", [network.Hidden], network.B1));
            graph.Node.Add(Node("MatMul", [head, prefix + "w1"], [prefix + "hidden_linear"]));
            graph.Node.Add(Node("Add", [prefix + "hidden_linear", prefix + "b1"], [prefix + "hidden_biased"]));
            graph.Node.Add(Node("Relu", [prefix + "hidden_biased"], [prefix + "hidden"]));
            head = prefix + "hidden";
        }
        graph.Initializer.Add(FloatTensor(prefix + "output", [network.HeadInputs, CharCnnNetwork.Classes], Transpose(network.Output, CharCnnNetwork.Classes, network.HeadInputs)));
        graph.Initializer.Add(FloatTensor(prefix + "output_bias", [CharCnnNetwork.Classes], network.OutputBias));
        graph.Node.Add(Node("MatMul", [head, prefix + "output"], [prefix + "logits_linear"]));
        graph.Node.Add(Node("Add", [prefix + "logits_linear", prefix + "output_bias"], [prefix + "logits"]));
        graph.Node.Add(Node("Softmax", [prefix + "logits"], [prefix + "probs"], Attribute("axis", -1)));
        return prefix + "probs";
    }

    /// <summary>Training keeps a window as [position][dim]; ONNX Conv wants [channel][dim][position].</summary>
    private static float[] ConvLayout(float[] filters, int channels, int dim, int width)
    {
        var result = new float[filters.Length];
        for (var c = 0; c < channels; c++)
        {
            for (var p = 0; p < width; p++)
            {
                for (var d = 0; d < dim; d++)
                {
                    result[(c * dim + d) * width + p] = filters[(c * width + p) * dim + d];
                }
            }
        }
        return result;
    }
}
