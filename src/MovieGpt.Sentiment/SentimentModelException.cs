namespace MovieGpt.Sentiment;

/// <summary>A model folder that cannot be loaded, or a model that fails while scoring.</summary>
public sealed class SentimentModelException(string message, Exception? inner = null) : Exception(message, inner);
