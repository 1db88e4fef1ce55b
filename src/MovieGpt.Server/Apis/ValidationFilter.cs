using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MovieGpt.Server.Apis;

/// <summary>
/// Validates the body of type <typeparamref name="T"/> with its data annotations (the same rules the Blazor
/// forms show) and answers 422 with a ValidationProblemDetails that names each bad field in snake_case.
/// </summary>
internal sealed class ValidationFilter<T> : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var body = context.Arguments.OfType<T>().FirstOrDefault();
        if (body is null)
        {
            return TypedResults.Problem("A JSON request body is required.", statusCode: StatusCodes.Status400BadRequest);
        }
        var results = new List<ValidationResult>();
        var validationContext = new ValidationContext(body);
        if (Validator.TryValidateObject(body, validationContext, results, validateAllProperties: true))
        {
            return await next(context);
        }
        // The validator skips the object's own rules once an attribute fails; every bad field should be named at once.
        if (body is IValidatableObject validatable)
        {
            var reported = results.SelectMany(r => r.MemberNames).ToHashSet();
            results.AddRange(validatable.Validate(validationContext).Where(r => !r.MemberNames.Any(reported.Contains)));
        }
        return Invalid(results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: r.ErrorMessage ?? "invalid")))
            .GroupBy(e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Member))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()));
    }

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "One or more validation errors occurred.",
            Detail = "One or more fields are invalid.",
        });
}

/// <summary>Paging parameters shared by the list endpoints.</summary>
internal static class Paging
{
    /// <summary>The most rows one list request returns; larger limits are cut to it.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Null when skip and limit are usable, else the 422 answer naming them.</summary>
    public static ProblemHttpResult? Check(int skip, int limit)
    {
        var errors = new Dictionary<string, string[]>();
        if (skip < 0)
        {
            errors["skip"] = ["skip must be 0 or more."];
        }
        if (limit < 0)
        {
            errors["limit"] = ["limit must be 0 or more."];
        }
        return errors.Count == 0 ? null : ValidationFilter<object>.Invalid(errors);
    }

    public static int Cap(int limit) => Math.Min(limit, MaxLimit);
}
