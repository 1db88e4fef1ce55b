using Google.Protobuf;
using Onnx;

namespace MovieGpt.Sentiment.Tests.Transformers;

/// <summary>
/// A stand-in for an exported sequence classifier with the same inputs and output: logits = Σ over the
/// unmasked positions of a per-token row of <see cref="Labels"/> scores (Gather → Mul by mask → ReduceSum),
/// plus 100 × (sum of the token type ids) on logit 0, so stray type ids would show. Tokens without
/// a row score 0. The [PAD] row (id 0) scores <see cref="PaddingScores"/>, so padding that escaped the
/// attention mask would change the answer. With two input names the graph has no token_type_ids, like a
/// RoBERTa export.
/// </summary>
internal sealed class TinyClassifierGraph
{
    public int VocabularySize { get; init; } = SharedTokenizer.Vocabulary.Count;
    public int Labels { get; init; } = 2;
    public Dictionary<int, float[]> TokenScores { get; init; } = [];
    public float[]? PaddingScores { get; init; }
    public string[] InputNames { get; init; } = ["input_ids", "attention_mask", "token_type_ids"];
    public string OutputName { get; init; } = "logits";

    public byte[] ToBytes()
    {
        var graph = new GraphProto { Name = "tiny_classifier" };
        foreach (var name in InputNames)
        {
            graph.Input.Add(ValueInfo(name, TensorProto.Types.DataType.Int64, Symbolic("batch"), Symbolic("sequence")));
        }
        graph.Output.Add(ValueInfo(OutputName, TensorProto.Types.DataType.Float, Symbolic("batch"), Fixed(Labels)));
        var (ids, mask) = (InputNames[0], InputNames[1]);
        graph.Initializer.Add(FloatTensor("token_scores", [VocabularySize, Labels], ScoreTable()));
        graph.Initializer.Add(Int64Tensor("axis_sequence", [1], [1]));
        graph.Initializer.Add(Int64Tensor("axis_labels", [1], [2]));
        graph.Initializer.Add(FloatTensor("type_push", [Labels], [100f, .. new float[Labels - 1]]));
        graph.Node.Add(Node("Gather", ["token_scores", ids], ["rows"]));
        graph.Node.Add(Node("Cast", [mask], ["mask_f"], IntAttribute("to", (long)TensorProto.Types.DataType.Float)));
        graph.Node.Add(Node("Unsqueeze", ["mask_f", "axis_labels"], ["mask_3d"]));
        graph.Node.Add(Node("Mul", ["rows", "mask_3d"], ["masked_rows"]));
        graph.Node.Add(Node("ReduceSum", ["masked_rows", "axis_sequence"], ["token_logits"], IntAttribute("keepdims", 0)));
        if (InputNames.Length < 3)
        {
            graph.Node.Add(Node("Identity", ["token_logits"], [OutputName]));
        }
        else
        {
            graph.Node.Add(Node("Cast", [InputNames[2]], ["types_f"], IntAttribute("to", (long)TensorProto.Types.DataType.Float)));
            graph.Node.Add(Node("ReduceSum", ["types_f", "axis_sequence"], ["type_count"], IntAttribute("keepdims", 1)));
            graph.Node.Add(Node("Mul", ["type_count", "type_push"], ["type_logits"]));
            graph.Node.Add(Node("Add", ["token_logits", "type_logits"], [OutputName]));
        }
        var model = new ModelProto { IrVersion = 8, ProducerName = "moviegpt-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model.ToByteArray();
    }

    private float[] ScoreTable()
    {
        var table = new float[VocabularySize * Labels];
        foreach (var (id, scores) in TokenScores.Append(new(0, PaddingScores ?? new float[Labels])))
        {
            scores.CopyTo(table, id * Labels);
        }
        return table;
    }

    private static TensorShapeProto.Types.Dimension Symbolic(string name) => new() { DimParam = name };

    private static TensorShapeProto.Types.Dimension Fixed(long size) => new() { DimValue = size };

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
        var node = new NodeProto { OpType = op, Name = outputs[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static AttributeProto IntAttribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static TensorProto FloatTensor(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    private static TensorProto Int64Tensor(string name, long[] dims, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }
}
