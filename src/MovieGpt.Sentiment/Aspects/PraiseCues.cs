using System.Text.RegularExpressions;

namespace MovieGpt.Sentiment.Aspects;

/// <summary>
/// Korean phrasings right after an aspect word that praise it while the sentence around it complains, which a
/// whole-sentence model reads the wrong way round:
/// "배우들이 아깝다" (the actors were wasted on this film), "액션만 볼만" / "배우밖에 볼게 없다" / "연기 뿐" /
/// "배우들 얼굴 말고 볼 게 없다" / "액션과 캐릭터 뿐" (only the acting is worth it; one word, or one listed with
/// it, may come between), "배우에 비해 시나리오가…" (the script falls short of the cast), "배우 때문에 별 두 개
/// 준다" (the stars given are the cast's), and before the word "아까운 배우" (an actor wasted on it).
/// </summary>
public static partial class PraiseCues
{
    /// <summary>Whether a praise cue follows the keyword that ends at <paramref name="keywordEnd"/> in <paramref name="lowerText"/>.</summary>
    public static bool FollowKeyword(string lowerText, int keywordEnd) => Cue().Match(lowerText, keywordEnd).Success;

    /// <summary>Whether a praise cue comes right before the keyword that starts at <paramref name="keywordStart"/> ("아까운 배우").</summary>
    public static bool PrecedeKeyword(string lowerText, int keywordStart) => Before().IsMatch(lowerText.AsSpan(0, keywordStart));

    [GeneratedRegex(@"(?:아까운|아까웠던|아깝던|안타까운)\s?(?:\S+\s)?$")]
    private static partial Regex Before();

    // \G anchors the match at the keyword's end. "만큼/만을/만의/만해도/만하" are left out: "연기만큼은 좀 되는
    // 배우로" asks for better acting, "액션만을 원한다면" is about expectations.
    [GeneratedRegex(@"\G(?:들)?(?:의 ?)?(?:연기|력)?(?:(?:이|가|은|는|도|들이|들은)? ?(?:너무|참|진짜|정말|좀|넘|너무나|넘나)? ?(?:아깝|아까|안타깝)|만(?!큼|을|의|해도|하)|(?:들)?(?:(?:[와과]|랑|이랑)? [가-힣]{1,3})? ?(?:뿐|밖에|말고)|(?:들)? ?(?:때문에|땜에|덕분에|덕에|보고) [^.!?]{0,12}?(?:준다|줌|주고|줍니다|줬|드림|드립니다|드려요|준거)|(?:의|에|이|가)? ?비해)")]
    private static partial Regex Cue();
}
