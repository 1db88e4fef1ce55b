using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace MovieGpt.Server.Components.Forms;

/// <summary>
/// Runs the request's own <see cref="IValidatableObject"/> rules (content of at least five characters after trimming,
/// http(s) poster URLs, blank titles) as the user edits a field. DataAnnotationsValidator only runs them on submit,
/// and then only when every attribute already passes.
/// </summary>
public sealed class ValidatableObjectValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;

    [CascadingParameter]
    private EditContext EditContext { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (_subscribed == EditContext)
        {
            return;
        }
        Unsubscribe();
        _subscribed = EditContext;
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnFieldChanged += FieldChanged;
        EditContext.OnValidationRequested += ValidationRequested;
    }

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        _messages!.Clear(e.FieldIdentifier);
        foreach (var result in Results().Where(r => r.MemberNames.Contains(e.FieldIdentifier.FieldName)))
        {
            _messages.Add(e.FieldIdentifier, result.ErrorMessage ?? "");
        }
        EditContext.NotifyValidationStateChanged();
    }

    private void ValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        foreach (var result in Results())
        {
            foreach (var member in result.MemberNames)
            {
                _messages.Add(EditContext.Field(member), result.ErrorMessage ?? "");
            }
        }
        EditContext.NotifyValidationStateChanged();
    }

    private IEnumerable<ValidationResult> Results() =>
        EditContext.Model is IValidatableObject model
            ? model.Validate(new ValidationContext(model)).ToList()
            : [];

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnFieldChanged -= FieldChanged;
            _subscribed.OnValidationRequested -= ValidationRequested;
        }
    }

    public void Dispose() => Unsubscribe();
}
