using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace MovieGpt.Server.Components.Forms;

/// <summary>
/// A form's draft in the browser (js/drafts.js): the browser saves the fields marked data-draft on every keystroke,
/// even while the circuit is down; the form reads them back once it is interactive and clears them once saved.
/// </summary>
public sealed class FormDraft(IJSRuntime js, string key) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    /// <summary>Starts saving the fields under <paramref name="root"/>; answers what was saved before (null when nothing).</summary>
    public async Task<IReadOnlyDictionary<string, string?>?> StartAsync(ElementReference root)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/drafts.js");
        var saved = await _module.InvokeAsync<Dictionary<string, string?>?>("load", key);
        await _module.InvokeVoidAsync("watch", root, key);
        return saved;
    }

    /// <summary>Forgets the draft (after a successful submit).</summary>
    public async Task ClearAsync()
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("clear", key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is already gone; so is the module.
            }
        }
    }
}
