using System.Text.RegularExpressions;

namespace MovieGpt.Sentiment.Aspects;

/// <summary>
/// Cuts a review into sentences and sentences into clauses, where Korean reviews turn: after a word ending in
/// a connective (좋은데, 아쉽지만, 떨어지나, 좋고) and before a word that opens a contrast (하지만, 그러나,
/// 근데, 반면), and, given the review's aspect keywords, before another aspect's topic (은/는/도) once the one
/// before has had its verdict ("액션은 최고 | 스토리는 최악"). Sentences end at . ! ? … ~ ; line breaks and
/// laughter/crying runs (ㅋㅋ, ㅠㅠ, ^^), which reviewers use as full stops. Clauses keep their offsets in the
/// review, trimmed of spaces and commas.
/// </summary>
public static partial class ClauseSplitter
{
    // Words that open a new clause and say it goes against the one before.
    private static readonly HashSet<string> ContrastOpeners =
        ["근데", "그런데", "하지만", "그러나", "반면", "반면에", "그래도", "다만", "그치만", "허나", "그렇지만", "그렇지만,"];

    // Endings after which a clause is complete. "-고" (and) is one: "연기는 좋고 스토리는 별로" lists two verdicts.
    private static readonly string[] ClauseEndings = ["데", "데도", "지만", "으나", "았으나", "었으나", "였으나", "고"];

    // Sentence-final endings: followed by a comma they end a sentence in all but punctuation ("살렸다, 전형적인…").
    private static readonly string[] FinalEndings = ["다", "요", "음", "함", "임", "죠"];

    // Of those, the endings that set the clause against the next one (concessive or adversative).
    private static readonly string[] ContrastEndings = ["는데", "은데", "던데", "한데", "인데", "데도", "지만", "나"];

    // Particles (or words) that join two nouns into a list.
    private static readonly string[] ListJoiners = ["와", "과", "랑", "및", "하고"];

    // Letters between a keyword and 은/는/도 that make the word a verb or another case than the topic.
    private static readonly HashSet<char> NotTopicGap = ['하', '되', '했', '된', '한', '로', '에', '서', '을', '를', '의', '와', '과', '랑', '만'];

    // Scoring text drops these endings: the model reads "좋은데" as hesitant and "좋은" as plain praise.
    private static readonly string[] StrippedEndings = ["는데도", "였으나", "았으나", "었으나", "지만", "는데", "은데", "던데", "한데", "인데", "으나"];

    /// <summary>
    /// The clauses of <paramref name="text"/>. With the aspect <paramref name="keywords"/> found in it, a clause also
    /// ends before a topic that takes over from another aspect without a connective ("액션은 최고 | 스토리는 최악").
    /// </summary>
    public static IReadOnlyList<Clause> Split(string text, IReadOnlyList<KeywordHit>? keywords = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clauses = new List<Clause>();
        var sentence = 0;
        var start = 0;
        foreach (var end in SentenceEnd().EnumerateMatches(text))
        {
            SplitSentence(text, start, end.Index, sentence++, keywords ?? [], clauses);
            start = end.Index + end.Length;
        }
        SplitSentence(text, start, text.Length, sentence, keywords ?? [], clauses);
        if (keywords is { Count: > 0 })
        {
            MarkTopicShifts(text, keywords, clauses);
        }
        return clauses;
    }

    /// <summary>The clause as the model should read it: without a connective ending that would blur its polarity.</summary>
    public static string ScoringText(string clause)
    {
        foreach (var ending in StrippedEndings)
        {
            if (clause.Length > ending.Length && clause.EndsWith(ending, StringComparison.Ordinal))
            {
                return clause[..^ending.Length];
            }
        }
        return clause;
    }

    private static void SplitSentence(string text, int start, int end, int sentence, IReadOnlyList<KeywordHit> keywords, List<Clause> clauses)
    {
        var clauseStart = start;
        // The aspect last named in the current clause, and whether words of another kind (its verdict) followed it.
        string? topic = null;
        var saidSince = false;
        var joined = false;
        foreach (var word in Word().EnumerateMatches(text.AsSpan(start, end - start)))
        {
            var wordStart = start + word.Index;
            var core = text.AsSpan(wordStart, word.Length).TrimEnd(',');
            if (ContrastOpeners.Contains(core.ToString()) && wordStart > clauseStart)
            {
                Add(text, clauseStart, wordStart, sentence, beforeOpener: true, clauses);
                clauseStart = wordStart;
                topic = null;
            }
            var named = KeywordIn(keywords, wordStart, wordStart + core.Length);
            if (named is { } hit)
            {
                // "액션은 최고 스토리는 최악": a new topic (은/는/도) after another aspect and its verdict starts a clause;
                // 은/는 sets the two against each other, 도 (also) does not.
                var particle = TopicParticle(text, hit, wordStart + core.Length);
                if (particle != '\0' && topic is not null && topic != hit.Aspect && saidSince && !joined && wordStart > clauseStart)
                {
                    Add(text, clauseStart, wordStart, sentence, beforeOpener: particle != '도', clauses);
                    clauseStart = wordStart;
                }
                topic = hit.Aspect;
                saidSince = false;
            }
            else
            {
                saidSince = true;
            }
            // "연출 과 스토리는", "연기한 병헌이와 스토리는": after a word that joins nouns, the topic is part of a list.
            joined = EndsWithAny(core, ListJoiners);
            // "좋았지만스토리가": reviewers often leave out the space after -지만; cut there too.
            var glued = GluedContrast().Match(text, wordStart, word.Length);
            if (glued.Success)
            {
                Add(text, clauseStart, glued.Index + glued.Length, sentence, beforeOpener: false, clauses);
                clauseStart = glued.Index + glued.Length;
                topic = null;
            }
            var finished = core.Length < word.Length && core.Length > 1 && EndsWithAny(core, FinalEndings);
            if (finished || (core.Length > 1 && EndsWithAny(core, ClauseEndings) && !core.SequenceEqual("그리고")))
            {
                Add(text, clauseStart, wordStart + word.Length, sentence, beforeOpener: false, clauses);
                clauseStart = wordStart + word.Length;
                topic = null;
            }
        }
        Add(text, clauseStart, end, sentence, beforeOpener: false, clauses);
    }

    private static void Add(string text, int start, int end, int sentence, bool beforeOpener, List<Clause> clauses)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == ','))
        {
            start++;
        }
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ','))
        {
            end--;
        }
        if (end <= start)
        {
            return;
        }
        // Followed by 하지만/그러나…, the clause stands against the next as much as one ending in -지만.
        var body = text.AsSpan(start, end - start);
        clauses.Add(new Clause(start, end - start, sentence, beforeOpener || EndsWithAny(body, ContrastEndings)));
    }

    /// <summary>
    /// Marks each clause that names an aspect and is followed, in its sentence, by a clause opening on another aspect
    /// as a topic ("연기는 좋고 | 스토리는 별로"): its verdict is its own, however short.
    /// </summary>
    private static void MarkTopicShifts(string text, IReadOnlyList<KeywordHit> keywords, List<Clause> clauses)
    {
        for (var k = 0; k + 1 < clauses.Count; k++)
        {
            var (clause, next) = (clauses[k], clauses[k + 1]);
            if (clause.Sentence != next.Sentence)
            {
                continue;
            }
            var firstWord = Word().Match(text, next.Start, next.Length);
            var wordEnd = firstWord.Index + text.AsSpan(firstWord.Index, firstWord.Length).TrimEnd(',').Length;
            if (KeywordIn(keywords, firstWord.Index, wordEnd) is { } hit && TopicParticle(text, hit, wordEnd) != '\0'
                && keywords.Any(h => h.Start >= clause.Start && h.Start < clause.End && h.Aspect != hit.Aspect))
            {
                clauses[k] = clause with { TopicFollows = true };
            }
        }
    }

    /// <summary>The first keyword starting inside [start, end), if any.</summary>
    private static KeywordHit? KeywordIn(IReadOnlyList<KeywordHit> keywords, int start, int end)
    {
        foreach (var hit in keywords)
        {
            if (hit.Start >= start && hit.Start < end)
            {
                return hit;
            }
        }
        return null;
    }

    /// <summary>
    /// 은, 는 or 도 when the word ends in a topic particle at most two letters after the keyword ("연기는", "배우들은",
    /// "액션씬도"), not a verb ending ("연기하는") nor after another particle ("연출로도": even by it); '\0' otherwise.
    /// </summary>
    private static char TopicParticle(string text, KeywordHit hit, int wordEnd)
    {
        var gap = wordEnd - 1 - (hit.Start + hit.Length);
        if (gap < 0 || gap > 2)
        {
            return '\0';
        }
        var last = text[wordEnd - 1];
        if (last is not ('은' or '는' or '도'))
        {
            return '\0';
        }
        for (var i = hit.Start + hit.Length; i < wordEnd - 1; i++)
        {
            if (NotTopicGap.Contains(text[i]))
            {
                return '\0';
            }
        }
        return last;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> word, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"[.!?…~;\n\r]+|ㅋㅋ+|ㅎㅎ+|ㅠㅠ+|ㅜㅜ+|\^\^+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=[았었였했좋많])지만(?=[가-힣])")]
    private static partial Regex GluedContrast();
}

/// <summary>
/// A clause of a review: where it is, which sentence it belongs to, and whether it is set against the next
/// clause (it ends in -지만/-는데/-나 or the next one opens with 하지만/그러나/근데…, or on another aspect as a
/// contrastive topic: "액션은 최고 | 스토리는 최악"), and whether the next one opens on another aspect as a topic.
/// </summary>
public readonly record struct Clause(int Start, int Length, int Sentence, bool Contrasts, bool TopicFollows = false)
{
    public int End => Start + Length;

    public string Text(string review) => review.Substring(Start, Length);
}
