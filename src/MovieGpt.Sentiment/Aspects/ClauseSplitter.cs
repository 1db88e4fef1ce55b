using System.Text.RegularExpressions;

namespace MovieGpt.Sentiment.Aspects;

/// <summary>
/// Cuts a review into sentences and sentences into clauses, where Korean reviews turn: after a word ending in
/// a connective (좋은데, 아쉽지만, 떨어지나, 좋고) and before a word that opens a contrast (하지만, 그러나,
/// 근데, 반면). Sentences end at . ! ? … ~ ; line breaks and laughter/crying runs (ㅋㅋ, ㅠㅠ, ^^), which
/// reviewers use as full stops. Clauses keep their offsets in the review, trimmed of spaces and commas.
/// </summary>
public static partial class ClauseSplitter
{
    // Words that open a new clause and say it goes against the one before.
    private static readonly HashSet<string> ContrastOpeners =
        ["근데", "그런데", "하지만", "그러나", "반면", "반면에", "그래도", "다만", "그치만", "허나", "그렇지만", "그렇지만,"];

    // Endings after which a clause is complete. "-고" (and) is one: "연기는 좋고 스토리는 별로" lists two verdicts.
    private static readonly string[] ClauseEndings = ["데", "데도", "지만", "으나", "았으나", "었으나", "였으나", "고"];

    // Of those, the endings that set the clause against the next one (concessive or adversative).
    private static readonly string[] ContrastEndings = ["는데", "은데", "던데", "한데", "인데", "데도", "지만", "나"];

    // Scoring text drops these endings: the model reads "좋은데" as hesitant and "좋은" as plain praise.
    private static readonly string[] StrippedEndings = ["는데도", "였으나", "았으나", "었으나", "지만", "는데", "은데", "던데", "한데", "인데", "으나"];

    public static IReadOnlyList<Clause> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clauses = new List<Clause>();
        var sentence = 0;
        var start = 0;
        foreach (var end in SentenceEnd().EnumerateMatches(text))
        {
            SplitSentence(text, start, end.Index, sentence++, clauses);
            start = end.Index + end.Length;
        }
        SplitSentence(text, start, text.Length, sentence, clauses);
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

    private static void SplitSentence(string text, int start, int end, int sentence, List<Clause> clauses)
    {
        var clauseStart = start;
        foreach (var word in Word().EnumerateMatches(text.AsSpan(start, end - start)))
        {
            var wordStart = start + word.Index;
            var core = text.AsSpan(wordStart, word.Length).TrimEnd(',');
            if (ContrastOpeners.Contains(core.ToString()) && wordStart > clauseStart)
            {
                Add(text, clauseStart, wordStart, sentence, beforeOpener: true, clauses);
                clauseStart = wordStart;
            }
            // "좋았지만스토리가": reviewers often leave out the space after -지만; cut there too.
            var glued = GluedContrast().Match(text, wordStart, word.Length);
            if (glued.Success)
            {
                Add(text, clauseStart, glued.Index + glued.Length, sentence, beforeOpener: false, clauses);
                clauseStart = glued.Index + glued.Length;
            }
            if (core.Length > 1 && EndsWithAny(core, ClauseEndings) && !core.SequenceEqual("그리고"))
            {
                Add(text, clauseStart, wordStart + word.Length, sentence, beforeOpener: false, clauses);
                clauseStart = wordStart + word.Length;
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
/// clause (it ends in -지만/-는데/-나 or the next one opens with 하지만/그러나/근데…).
/// </summary>
public readonly record struct Clause(int Start, int Length, int Sentence, bool Contrasts)
{
    public int End => Start + Length;

    public string Text(string review) => review.Substring(Start, Length);
}
