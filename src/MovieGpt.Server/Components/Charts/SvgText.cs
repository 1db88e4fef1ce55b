using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace MovieGpt.Server.Components.Charts;

/// <summary>
/// An SVG &lt;text&gt; element. Razor reserves &lt;text&gt; inside code blocks for its own use, so the charts'
/// labels inside loops are written through this component; style them with ::deep from the chart.
/// </summary>
public sealed class SvgText : ComponentBase
{
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddMultipleAttributes(1, Attributes);
        builder.AddContent(2, ChildContent);
        builder.CloseElement();
    }
}
