using Microsoft.Extensions.Options;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Apis;

/// <summary>401 before anything else (validation included) when the request has no signed-in user.</summary>
internal sealed class SignedInFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.Identity?.IsAuthenticated == true ? await next(context) : ApiResults.NotSignedIn();
}

/// <summary>
/// 401 before anything else when the request may not write (<see cref="Caller.MayWrite"/>: signed in, or anonymous
/// mode); a signed-in writer's review is under their 닉네임, so an <c>author</c> in the body is replaced by it before
/// validation (it is ignored, and need not be sent).
/// </summary>
internal sealed class WriterFilter(IOptions<AuthOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = Caller.From(context.HttpContext.User, options.Value);
        if (!caller.MayWrite)
        {
            return ApiResults.NotSignedIn();
        }
        if (caller.DisplayName is { } name && context.Arguments.OfType<Contracts.CreateReviewRequest>().FirstOrDefault() is { } review)
        {
            review.Author = name;
        }
        return await next(context);
    }
}
