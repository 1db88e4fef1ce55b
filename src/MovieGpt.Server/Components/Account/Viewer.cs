using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Components.Account;

/// <summary>The person looking at the page, as the account rules see them: the circuit's sign-in and the Auth settings.</summary>
public sealed class Viewer(AuthenticationStateProvider authentication, IOptions<AuthOptions> options)
{
    public async Task<Caller> CallerAsync() => Caller.From((await authentication.GetAuthenticationStateAsync()).User, options.Value);

    /// <summary>The friendly sentence for a change the rules refused.</summary>
    public static string Refusal(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Unauthorized => "로그인이 필요해요. 로그인한 뒤 다시 시도해 주세요.",
        WriteOutcome.Forbidden => "내가 쓴 글만 바꿀 수 있어요.",
        WriteOutcome.Conflict => "이 영화에는 이미 리뷰를 쓰셨어요. 내 리뷰를 수정해 주세요.",
        WriteOutcome.NotFound => "이미 삭제되었거나 찾을 수 없어요.",
        _ => "요청을 처리하지 못했어요. 잠시 후 다시 시도해 주세요.",
    };
}
