using System.Text.RegularExpressions;

namespace MovieGpt.Sentiment.Aspects;

/// <summary>
/// Korean cues that tell, independently of the sentiment model, which way a clause leans or how it relates to the
/// next one: a small lexicon of evaluative words with negation (안/못 before a word, -지 않/-지 못 after it, 없다
/// after a fault: "억지가 없다" praises), intensifiers that weigh a word more, expectations set up for the next clause
/// to answer ("기대 안 했는데"), the exception "X 빼고(는)" that sets X against the rest of the clause, and the
/// additive particles 까지/마저/조차 that turn a "-는데" into "and what is more" instead of "but".
/// General language, not words picked from the evaluation data (models/moviegpt-sentiment/README.md, "Aspects").
/// </summary>
public static partial class ClauseCues
{
    // Stems of words that praise or fault a film or a part of it.
    private static readonly string[] PositiveWords =
    [
        "좋", "최고", "훌륭", "멋지", "멋있", "멋졌", "대박", "짱", "재밌", "재미있", "감동", "탄탄", "뛰어나", "뛰어난",
        "완벽", "괜찮", "잘하", "잘했", "잘 만", "잘만", "잘 살", "명품", "압권", "인상적", "아름다", "볼만", "신선",
        "몰입", "소름", "강추", "추천", "일품", "걸작", "명작", "깔끔", "매력", "귀엽", "귀여", "예쁘", "이쁘", "만족",
        "최상", "수준급", "돋보", "빛나", "빛났", "살렸", "살린", "굿", "짜임새", "장난 아니", "장난이 아니",
    ];

    private static readonly string[] NegativeWords =
    [
        "별로", "별루", "최악", "지루", "엉성", "어색", "유치", "뻔하", "뻔한", "뻔해", "아쉽", "아쉬", "실망", "부족",
        "허술", "빈약", "억지", "오글", "노잼", "졸작", "쓰레기", "망작", "엉망", "식상", "진부", "발연기", "산만", "과하",
        "과한", "불편", "짜증", "거슬", "답답", "늘어지", "늘어졌", "재미없", "재미 없", "무리수", "허접", "구리", "구려",
        "후지", "후진", "어설", "개판", "최하", "밋밋", "난해", "황당", "망쳤", "망친", "아깝", "아까", "잘못", "못하", "못했", "못함", "방해", "막장",
    ];

    private static readonly string[] Intensifiers = ["너무", "정말", "진짜", "완전", "매우", "엄청", "넘", "아주", "무척", "굉장히"];

    /// <summary>
    /// The lean of <paramref name="lowerClause"/> by its evaluative words: positive above 0, negative below, 0 when it
    /// has none or they cancel. Each word counts 1 (1.5 after an intensifier) and flips under negation.
    /// </summary>
    public static double Lexical(string lowerClause)
    {
        ArgumentNullException.ThrowIfNull(lowerClause);
        var total = 0.0;
        var taken = new bool[lowerClause.Length];
        foreach (var (words, sign) in new[] { (PositiveWords, 1), (NegativeWords, -1) })
        {
            foreach (var word in words)
            {
                for (var i = lowerClause.IndexOf(word, StringComparison.Ordinal); i >= 0; i = lowerClause.IndexOf(word, i + word.Length, StringComparison.Ordinal))
                {
                    if (taken[i])
                    {
                        continue;
                    }
                    Array.Fill(taken, true, i, word.Length);
                    var weight = Intensified(lowerClause, i) ? 1.5 : 1.0;
                    total += (Negated(lowerClause, i, i + word.Length) ? -sign : sign) * weight;
                }
            }
        }
        // "잘 부르다", "잘 만들었다": 잘 before a verb is praise of how it was done (잘못 is a fault, listed above).
        foreach (Match well in WellDone().Matches(lowerClause))
        {
            if (!taken[well.Index])
            {
                total += Negated(lowerClause, well.Index, well.Index + well.Length) ? -1 : 1;
            }
        }
        return total;
    }

    /// <summary>Whether the clause sets up an expectation the next clause answers ("기대 안 했는데 | 괜찮네요").</summary>
    public static bool Expectation(string clause) => clause.Contains("기대", StringComparison.Ordinal);

    /// <summary>Whether the clause adds to the one before rather than opposing it ("액션까지", "연출마저").</summary>
    public static bool Additive(string clause) => AdditiveParticle().IsMatch(clause);

    /// <summary>
    /// Where the rest of the clause starts when the keyword ending at <paramref name="keywordEnd"/> is an exception
    /// ("스토리 빼고는 다 좋다", "연기를 제외하면"); −1 when it is not.
    /// </summary>
    public static int ExceptionRest(string lowerText, int keywordEnd)
    {
        var match = Exception().Match(lowerText, keywordEnd);
        return match.Success ? match.Index + match.Length : -1;
    }

    private static bool Intensified(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        foreach (var word in Intensifiers)
        {
            if (before.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // 안/못 as a word of their own before the evaluative word; -지 않/-지 못/-진 않, 아니, or 없 (for a fault,
    // "억지스러움이 없다"; for praise, "감동이 없다") shortly after it.
    private static bool Negated(string text, int start, int end) =>
        NegationBefore().IsMatch(text[..start]) || NegationAfter().Match(text, end).Success;

    [GeneratedRegex(@"(?:^|\s)(?:안|못)\s?$")]
    private static partial Regex NegationBefore();

    [GeneratedRegex(@"\G[가-힣]{0,3}?(?:지\s?않|지\s?못|진\s?않|지도\s?않|[이가은는도]?\s?없|[이가]?\s?아니)")]
    private static partial Regex NegationAfter();

    [GeneratedRegex(@"(?<![가-힣])잘\s?(?!못|모르|몰라)[가-힣]")]
    private static partial Regex WellDone();

    [GeneratedRegex(@"[가-힣](?:까지|마저|조차)(?:\s|$|[.!?,])")]
    private static partial Regex AdditiveParticle();

    [GeneratedRegex(@"\G[^.!?,]{0,12}?\s?(?:빼고|빼면|빼곤|제외하고|제외하면|제외하곤)(?:는|서는)?")]
    private static partial Regex Exception();
}
