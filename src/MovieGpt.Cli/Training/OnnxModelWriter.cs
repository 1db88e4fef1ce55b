using Google.Protobuf;
using MovieGpt.Sentiment.Onnx;
using MovieGpt.Sentiment.Text;
using Onnx;

namespace MovieGpt.Cli.Training;

/// <summary>
/// Writes an <see cref="EmbeddingBagNetwork"/> as an ONNX graph: ids, weights [batch, n] → Gather → weighted
/// sum as a batched MatMul (the mean, since padding weighs 0) → MatMul/Add/Relu → MatMul/Add → Softmax → rating_probs [batch, 10];
/// an ensemble averages its members' distributions.
/// The INT8 variant stores the embedding table as int8 rows that carry their own power-of-two scale, and
/// dequantizes only the gathered rows, so inference never touches the whole table.
/// </summary>
internal static class OnnxModelWriter
{
    private const int Opset = 17;

    public static void Write(IReadOnlyList<EmbeddingBagNetwork> members, CharacterMembers? characters, string path, bool int8)
    {
        var graph = new GraphProto { Name = "moviegpt_sentiment" };
        graph.Output.Add(TensorOutput(OnnxSentimentAnalyzer.ProbabilitiesOutput, EmbeddingBagNetwork.Classes));
        graph.Initializer.Add(Int64Tensor("axis_seq", [1]));
        var memberOutputs = new List<string>();
        for (var k = 0; k < members.Count; k++)
        {
            memberOutputs.Add(AddMember(graph, members[k], k, int8));
        }
        var settings = characters?.Settings;
        var shares = Enumerable.Repeat((float)(1 - (settings?.Share ?? 0) - (settings?.GruShare ?? 0)) / members.Count, members.Count).ToList();
        if (characters is not null)
        {
            graph.Input.Add(TensorInput(OnnxGraphInputs.CharsInput, TensorProto.Types.DataType.Int64, "chars"));
            if (characters.Cnn is { } cnn)
            {
                memberOutputs.Add(CharCnnGraph.Add(graph, cnn));
                shares.Add((float)characters.Settings.Share);
            }
            if (characters.Gru is { } gru)
            {
                memberOutputs.Add(CharGruGraph.Add(graph, gru));
                shares.Add((float)characters.Settings.GruShare);
            }
        }
        // The ensemble answers the share-weighted mean of its members' rating distributions.
        var weighted = new List<string>();
        for (var k = 0; k < memberOutputs.Count; k++)
        {
            graph.Initializer.Add(FloatTensor($"share_{k}", [], [shares[k]]));
            graph.Node.Add(Node("Mul", [memberOutputs[k], $"share_{k}"], [$"weighted_probs_{k}"]));
            weighted.Add($"weighted_probs_{k}");
        }
        graph.Node.Add(Node("Sum", [.. weighted], [OnnxSentimentAnalyzer.ProbabilitiesOutput]));

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

    /// <summary>Adds member <paramref name="k"/>'s inputs, weights and nodes (names prefixed m{k}_); returns its output.</summary>
    private static string AddMember(GraphProto graph, EmbeddingBagNetwork network, int k, bool int8)
    {
        var ids = OnnxGraphInputs.IdsInput(k);
        var weights = OnnxGraphInputs.WeightsInput(k);
        string N(string name) => $"m{k}_{name}";
        // Each member has its own width: one shared dim_param would tell ONNX Runtime the widths are equal.
        graph.Input.Add(TensorInput(ids, TensorProto.Types.DataType.Int64, $"features_{k}"));
        graph.Input.Add(TensorInput(weights, TensorProto.Types.DataType.Float, $"features_{k}"));
        // The mean row is weights [batch, 1, n] × rows [batch, n, dim]: one batched MatMul instead of a
        // broadcast Mul and a ReduceSum over the widest tensor of the graph. An INT8 row carries its own scale as
        // a last byte (a power of two), so one Gather fetches both: ONNX Runtime's Gather costs about as much
        // per index for a 2-byte scale as for a 16-byte row, and it is most of the bag's time.
        if (int8)
        {
            graph.Initializer.Add(RawTensor(N("embeddings_q"), TensorProto.Types.DataType.Int8, [network.Buckets, network.Dim + 1], QuantizeRows(network.Embeddings, network.Buckets, network.Dim)));
            graph.Initializer.Add(Int64Tensor(N("row_start"), [0]));
            graph.Initializer.Add(Int64Tensor(N("row_end"), [network.Dim]));
            graph.Initializer.Add(Int64Tensor(N("code_end"), [network.Dim + 1]));
            graph.Initializer.Add(Int64Tensor(N("axis_row"), [2]));
            graph.Initializer.Add(FloatTensor(N("code_step"), [], [MathF.Log(2) / ScaleCodesPerOctave]));
            graph.Node.Add(Node("Gather", [N("embeddings_q"), ids], [N("packed")]));
            graph.Node.Add(Node("Slice", [N("packed"), N("row_start"), N("row_end"), N("axis_row")], [N("rows_q")]));
            graph.Node.Add(Node("Cast", [N("rows_q")], [N("rows")], Attribute("to", (long)TensorProto.Types.DataType.Float)));
            graph.Node.Add(Node("Slice", [N("packed"), N("row_end"), N("code_end"), N("axis_row")], [N("code_3d")]));
            graph.Node.Add(Node("Squeeze", [N("code_3d"), N("axis_row")], [N("code")]));
            graph.Node.Add(Node("Cast", [N("code")], [N("code_f")], Attribute("to", (long)TensorProto.Types.DataType.Float)));
            graph.Node.Add(Node("Mul", [N("code_f"), N("code_step")], [N("log_scale")]));
            graph.Node.Add(Node("Exp", [N("log_scale")], [N("row_scale")]));
            graph.Node.Add(Node("Mul", [weights, N("row_scale")], [N("scaled_weights")]));
            graph.Node.Add(Node("Unsqueeze", [N("scaled_weights"), "axis_seq"], [N("row_weights")]));
        }
        else
        {
            graph.Initializer.Add(FloatTensor(N("embeddings"), [network.Buckets, network.Dim], network.Embeddings));
            graph.Node.Add(Node("Gather", [N("embeddings"), ids], [N("rows")]));
            graph.Node.Add(Node("Unsqueeze", [weights, "axis_seq"], [N("row_weights")]));
        }
        graph.Node.Add(Node("MatMul", [N("row_weights"), N("rows")], [N("bag_3d")]));
        graph.Node.Add(Node("Squeeze", [N("bag_3d"), "axis_seq"], [N("bag")]));
        graph.Initializer.Add(FloatTensor(N("b2"), [EmbeddingBagNetwork.Classes], network.B2));
        if (network.IsLinear)
        {
            graph.Node.Add(Node("Add", [N("bag"), N("b2")], [N("logits")]));
            graph.Node.Add(Node("Softmax", [N("logits")], [N("probs")], Attribute("axis", -1)));
            return N("probs");
        }
        graph.Initializer.Add(FloatTensor(N("w1"), [network.BagWidth, network.Hidden], Transpose(network.W1, network.Hidden, network.BagWidth)));
        graph.Initializer.Add(FloatTensor(N("b1"), [network.Hidden], network.B1));
        graph.Initializer.Add(FloatTensor(N("w2"), [network.Hidden, EmbeddingBagNetwork.Classes], Transpose(network.W2, EmbeddingBagNetwork.Classes, network.Hidden)));
        graph.Node.Add(Node("MatMul", [N("bag"), N("w1")], [N("hidden_linear")]));
        graph.Node.Add(Node("Add", [N("hidden_linear"), N("b1")], [N("hidden_biased")]));
        graph.Node.Add(Node("Relu", [N("hidden_biased")], [N("hidden")]));
        graph.Node.Add(Node("MatMul", [N("hidden"), N("w2")], [N("logits_linear")]));
        graph.Node.Add(Node("Add", [N("logits_linear"), N("b2")], [N("logits")]));
        graph.Node.Add(Node("Softmax", [N("logits")], [N("probs")], Attribute("axis", -1)));
        return N("probs");
    }

    /// <summary>Steps of the scale code per doubling: a row's scale is 2^(code / 8), rounded up so no value clips.</summary>
    private const int ScaleCodesPerOctave = 8;

    /// <summary>
    /// Symmetric per-row INT8, [rows, dim + 1]: each row's values, then its scale's code. The scale is at most
    /// 2^(1/8) above the row's largest magnitude / 127, so a row keeps at least 116 of its 127 levels.
    /// </summary>
    internal static byte[] QuantizeRows(float[] table, int rows, int dim)
    {
        var packed = new byte[(long)rows * (dim + 1)];
        Parallel.For(0, rows, r =>
        {
            var row = table.AsSpan(r * dim, dim);
            var max = 0f;
            foreach (var v in row)
            {
                max = MathF.Max(max, MathF.Abs(v));
            }
            var code = max == 0 ? sbyte.MinValue : (sbyte)Math.Clamp(MathF.Ceiling(ScaleCodesPerOctave * MathF.Log2(max / 127f)), sbyte.MinValue, sbyte.MaxValue);
            var scale = MathF.Pow(2, code / (float)ScaleCodesPerOctave);
            var target = packed.AsSpan((int)((long)r * (dim + 1)), dim + 1);
            for (var k = 0; k < dim; k++)
            {
                target[k] = (byte)(sbyte)Math.Clamp(MathF.Round(row[k] / scale), -127, 127);
            }
            target[dim] = (byte)code;
        });
        return packed;
    }

    internal static float[] Transpose(float[] matrix, int rows, int columns)
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

    internal static ValueInfoProto TensorInput(string name, TensorProto.Types.DataType type, string width) =>
        ValueInfo(name, type, Dimension("batch"), Dimension(width));

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

    internal static NodeProto Node(string op, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = outputs[0] + "_" + op };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    internal static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    internal static AttributeProto Ints(string name, long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    internal static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    internal static TensorProto FloatTensor(string name, long[] dims, float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return RawTensor(name, TensorProto.Types.DataType.Float, dims, bytes);
    }

    internal static TensorProto Int64Tensor(string name, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }

    internal static TensorProto RawTensor(string name, TensorProto.Types.DataType type, long[] dims, byte[] raw)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
