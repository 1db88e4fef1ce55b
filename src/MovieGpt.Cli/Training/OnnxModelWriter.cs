using Google.Protobuf;
using MovieGpt.Sentiment.Onnx;
using Onnx;

namespace MovieGpt.Cli.Training;

/// <summary>
/// Writes an <see cref="EmbeddingBagNetwork"/> as an ONNX graph: ids, weights [batch, n] → Gather → weighted
/// sum (the mean, since padding weighs 0) → MatMul/Add/Relu → MatMul/Add → Softmax → rating_probs [batch, 10].
/// The INT8 variant stores the embedding table as int8 with one FP16 scale per row and dequantizes only
/// the gathered rows, so inference never touches the whole table.
/// </summary>
internal static class OnnxModelWriter
{
    private const int Opset = 17;

    public static void Write(EmbeddingBagNetwork network, string path, bool int8)
    {
        var graph = new GraphProto { Name = "moviegpt_sentiment" };
        graph.Input.Add(TensorInput(OnnxSentimentAnalyzer.IdsInput, TensorProto.Types.DataType.Int64));
        graph.Input.Add(TensorInput(OnnxSentimentAnalyzer.WeightsInput, TensorProto.Types.DataType.Float));
        graph.Output.Add(TensorOutput(OnnxSentimentAnalyzer.ProbabilitiesOutput, EmbeddingBagNetwork.Classes));
        graph.Initializer.Add(Int64Tensor("axis_seq", [1]));
        graph.Initializer.Add(Int64Tensor("axis_last", [2]));

        if (int8)
        {
            var (quantized, scales) = QuantizeRows(network.Embeddings, network.Buckets, network.Dim);
            graph.Initializer.Add(RawTensor("embeddings_q", TensorProto.Types.DataType.Int8, [network.Buckets, network.Dim], quantized));
            graph.Initializer.Add(RawTensor("embeddings_scale", TensorProto.Types.DataType.Float16, [network.Buckets], scales));
            graph.Node.Add(Node("Gather", ["embeddings_q", OnnxSentimentAnalyzer.IdsInput], ["rows_q"]));
            graph.Node.Add(Node("Cast", ["rows_q"], ["rows"], Attribute("to", (long)TensorProto.Types.DataType.Float)));
            graph.Node.Add(Node("Gather", ["embeddings_scale", OnnxSentimentAnalyzer.IdsInput], ["row_scale_h"]));
            graph.Node.Add(Node("Cast", ["row_scale_h"], ["row_scale"], Attribute("to", (long)TensorProto.Types.DataType.Float)));
            graph.Node.Add(Node("Mul", ["row_scale", OnnxSentimentAnalyzer.WeightsInput], ["row_weight"]));
        }
        else
        {
            graph.Initializer.Add(FloatTensor("embeddings", [network.Buckets, network.Dim], network.Embeddings));
            graph.Node.Add(Node("Gather", ["embeddings", OnnxSentimentAnalyzer.IdsInput], ["rows"]));
            graph.Node.Add(Node("Identity", [OnnxSentimentAnalyzer.WeightsInput], ["row_weight"]));
        }

        graph.Initializer.Add(FloatTensor("w1", [network.Dim, network.Hidden], Transpose(network.W1, network.Hidden, network.Dim)));
        graph.Initializer.Add(FloatTensor("b1", [network.Hidden], network.B1));
        graph.Initializer.Add(FloatTensor("w2", [network.Hidden, EmbeddingBagNetwork.Classes], Transpose(network.W2, EmbeddingBagNetwork.Classes, network.Hidden)));
        graph.Initializer.Add(FloatTensor("b2", [EmbeddingBagNetwork.Classes], network.B2));

        graph.Node.Add(Node("Unsqueeze", ["row_weight", "axis_last"], ["row_weight_3d"]));
        graph.Node.Add(Node("Mul", ["rows", "row_weight_3d"], ["weighted_rows"]));
        graph.Node.Add(Node("ReduceSum", ["weighted_rows", "axis_seq"], ["bag"], Attribute("keepdims", 0)));
        graph.Node.Add(Node("MatMul", ["bag", "w1"], ["hidden_linear"]));
        graph.Node.Add(Node("Add", ["hidden_linear", "b1"], ["hidden_biased"]));
        graph.Node.Add(Node("Relu", ["hidden_biased"], ["hidden"]));
        graph.Node.Add(Node("MatMul", ["hidden", "w2"], ["logits_linear"]));
        graph.Node.Add(Node("Add", ["logits_linear", "b2"], ["logits"]));
        graph.Node.Add(Node("Softmax", ["logits"], [OnnxSentimentAnalyzer.ProbabilitiesOutput], Attribute("axis", -1)));

        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "moviegpt",
            ProducerVersion = "1",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        using var stream = File.Create(path);
        model.WriteTo(stream);
    }

    /// <summary>Symmetric per-row INT8: each row's largest magnitude maps to 127.</summary>
    internal static (byte[] Quantized, byte[] Scales) QuantizeRows(float[] table, int rows, int dim)
    {
        var quantized = new byte[(long)rows * dim];
        var scales = new byte[rows * 2];
        Parallel.For(0, rows, r =>
        {
            var row = table.AsSpan(r * dim, dim);
            var max = 0f;
            foreach (var v in row)
            {
                max = MathF.Max(max, MathF.Abs(v));
            }
            var scale = (Half)(max / 127f);
            BitConverter.TryWriteBytes(scales.AsSpan(r * 2, 2), scale);
            var effective = (float)scale;
            for (var k = 0; k < dim; k++)
            {
                var q = effective == 0 ? 0 : Math.Clamp(MathF.Round(row[k] / effective), -127, 127);
                quantized[(long)r * dim + k] = (byte)(sbyte)q;
            }
        });
        return (quantized, scales);
    }

    private static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var result = new float[matrix.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[c * rows + r] = matrix[r * columns + c];
            }
        }
        return result;
    }

    private static ValueInfoProto TensorInput(string name, TensorProto.Types.DataType type) =>
        ValueInfo(name, type, Dimension("batch"), Dimension("features"));

    private static ValueInfoProto TensorOutput(string name, int classes) =>
        ValueInfo(name, TensorProto.Types.DataType.Float, Dimension("batch"), new TensorShapeProto.Types.Dimension { DimValue = classes });

    private static TensorShapeProto.Types.Dimension Dimension(string name) => new() { DimParam = name };

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, params TensorShapeProto.Types.Dimension[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = outputs[0] + "_" + op };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static TensorProto FloatTensor(string name, long[] dims, float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return RawTensor(name, TensorProto.Types.DataType.Float, dims, bytes);
    }

    private static TensorProto Int64Tensor(string name, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }

    private static TensorProto RawTensor(string name, TensorProto.Types.DataType type, long[] dims, byte[] raw)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
