namespace MovieGpt.Server.Components.Charts;

/// <summary>One share of a donut: its name, its amount and the CSS colour it is drawn in.</summary>
public sealed record ChartSlice(string Name, double Value, string Color);
