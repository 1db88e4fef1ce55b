namespace MovieGpt.Sentiment.Aspects;

/// <summary>
/// Finds the aspects a review talks about (<see cref="AspectLexicon"/>) and reads each one's polarity from the
/// clause that names it (<see cref="ClauseSplitter"/>), not from the whole review, so "연기는 좋은데 스토리가
/// 별로" is positive on acting and negative on story. A clause too short or too even to tell borrows the next
/// clause's polarity, reversed when the two are set against each other (-지만, -는데, 하지만…, another aspect's
/// topic), unless it is followed by another aspect's topic and has an evaluative word of its own ("연기는 좋고 |
/// 스토리는 별로"); failing that, the whole review's leans it. Korean cues the model misses lean each reading: evaluative words under negation
/// (<see cref="ClauseCues"/>), praise phrasings (<see cref="PraiseCues"/>), "X 빼고" exceptions, expectations
/// ("기대 안 했는데") that the next clause answers. All the texts a batch needs go to the sentiment model in one
/// <see cref="ISentimentAnalyzer.AnalyzeBatch"/> call. Thread-safe when the sentiment analyzer is; the caller
/// owns (and disposes) the sentiment analyzer.
/// </summary>
public sealed class AspectAnalyzer(ISentimentAnalyzer sentiment, AspectLexicon? lexicon = null)
{
    // A clause whose P(positive) and P(negative) differ by less than this says too little on its own.
    private const double EvenMargin = 0.2;

    // A clause with fewer letters than this besides its aspect words is a list item or a heading ("연기, 스토리").
    private const int MinOwnLetters = 4;

    // How much the whole review counts when the clause and the next are both too even to tell.
    private const double ReviewWeight = 0.5;

    // Below this gap between P(positive) and P(negative) an aspect's reading in a review without a turn is not
    // clear enough to stand against the whole review's.
    private const double ClearMargin = 0.5;

    // How much the whole review counts against such a reading.
    private const double ReviewWeightWithoutTurn = 1.0;

    // How much a praise cue counts against the model's reading of the clause.
    private const double CueWeight = 0.5;

    // How much a clause's evaluative words (ClauseCues.Lexical) lean the model's reading of it: more when the
    // model's reading is too even or the clause too short to go by.
    private const double LexicalWeight = 0.35;
    private const double WeakLexicalWeight = 0.7;

    private readonly ISentimentAnalyzer _sentiment = sentiment ?? throw new ArgumentNullException(nameof(sentiment));
    private readonly AspectLexicon _lexicon = lexicon ?? AspectLexicon.Default;

    public AspectLexicon Lexicon => _lexicon;

    /// <summary>The aspects <paramref name="text"/> talks about, in <see cref="AspectNames.All"/> order; empty when none.</summary>
    public IReadOnlyList<AspectMention> Analyze(string text) => AnalyzeBatch([text])[0];

    /// <summary>
    /// <see cref="Analyze"/> for many reviews with one call to the sentiment model; results are in input order.
    /// An empty or whitespace-only review throws <see cref="ArgumentException"/>, as the sentiment engine does.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<AspectMention>> AnalyzeBatch(IReadOnlyList<string> texts)
    {
        var queries = new ScoringQueries();
        // A review is scored whole only when one of its aspects needs it (a clause too even to tell).
        var plans = PlanAll(texts, queries, reviewQueries: null);
        var scores = queries.Count == 0 ? [] : _sentiment.AnalyzeBatch(queries.Texts);
        return [.. plans.Select((plan, i) => plan is null ? [] : Resolve(texts[i], plan, scores))];
    }

    /// <summary>
    /// Each review's own sentiment and its aspects, from one call to the sentiment model: the reviews and the clauses
    /// their aspects need are scored together, and the aspects fall back on the review's own result rather than a
    /// second scoring of it. The aspects are <see cref="AnalyzeBatch"/>'s; what is stored with a review needs both.
    /// </summary>
    public IReadOnlyList<ScoredReview> ScoreBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var queries = new ScoringQueries();
        var reviewQueries = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            reviewQueries[i] = queries.AddReview(texts[i]);
        }
        var plans = PlanAll(texts, queries, reviewQueries);
        var scores = queries.Count == 0 ? [] : _sentiment.AnalyzeBatch(queries.Texts);
        return [.. plans.Select((plan, i) => new ScoredReview(scores[reviewQueries[i]], plan is null ? [] : Resolve(texts[i], plan, scores)))];
    }

    private ReviewPlan?[] PlanAll(IReadOnlyList<string> texts, ScoringQueries queries, int[]? reviewQueries)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var plans = new ReviewPlan?[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException($"Review {i} is empty or whitespace only.", nameof(texts));
            }
            plans[i] = Plan(text, queries, reviewQueries?[i]);
        }
        return plans;
    }

    /// <summary>Which clauses name which aspect, and which texts the model must score for them; null when no aspect is named.</summary>
    private ReviewPlan? Plan(string text, ScoringQueries queries, int? reviewQuery)
    {
        var lower = text.ToLowerInvariant();
        var hits = _lexicon.Find(lower);
        if (hits.Count == 0)
        {
            return null;
        }
        var clauses = ClauseSplitter.Split(text, hits);
        var clauseQuery = new int[clauses.Count];
        Array.Fill(clauseQuery, -1);
        var mentions = new List<PlannedMention>(hits.Count);
        foreach (var hit in hits)
        {
            var index = ClauseAt(clauses, hit.Start);
            if (index < 0)
            {
                continue;
            }
            for (var k = index; k <= Math.Min(index + 1, clauses.Count - 1); k++)
            {
                if (clauseQuery[k] < 0)
                {
                    clauseQuery[k] = queries.Add(ClauseSplitter.ScoringText(clauses[k].Text(text)));
                }
            }
            var rest = ClauseCues.ExceptionRest(lower, hit.Start + hit.Length);
            var exception = rest > 0 && rest < clauses[index].End ? ClauseSplitter.ScoringText(text[rest..clauses[index].End]) : "";
            var exceptionQuery = exception.Length > 0 ? queries.Add(exception) : -1;
            var cue = PraiseCues.FollowKeyword(lower, hit.Start + hit.Length) || PraiseCues.PrecedeKeyword(lower, hit.Start);
            var named = lower.AsSpan(hit.Start, hit.Length).SequenceEqual(_lexicon.Keywords[hit.Aspect][0]);
            mentions.Add(new PlannedMention(hit.Aspect, hit.Start, index, cue, exceptionQuery, ClauseCues.Lexical(exception.ToLowerInvariant()), named));
        }
        if (mentions.Count == 0)
        {
            return null;
        }
        var ownLetters = clauses.Select(c => OwnLetters(lower, c)).ToArray();
        var cues = clauses.Select((c, k) => ClauseCue.Of(lower, c, k + 1 < clauses.Count ? clauses[k + 1] : null)).ToArray();
        return new ReviewPlan(clauses, clauseQuery, ownLetters, cues, mentions, reviewQuery ?? queries.Add(text));
    }

    private static IReadOnlyList<AspectMention> Resolve(string text, ReviewPlan plan, IReadOnlyList<SentimentResult> scores)
    {
        var best = new Dictionary<string, (Reading Reading, PlannedMention Mention, int Last, bool Cued)>();
        foreach (var mention in plan.Mentions)
        {
            var (reading, last) = Read(plan, mention, scores);
            // A cue says more about its aspect than the clause's general drift around another mention of it; the
            // aspect's own word ("연출") more than a related one ("카메라 구도는 멋지고"), which may praise a part only.
            var cued = (mention.PraiseCue || mention.ExceptionQuery >= 0);
            reading = WithReview(plan, reading, cued, scores);
            if (!best.TryGetValue(mention.Aspect, out var current)
                || (cued && !current.Cued)
                || (cued == current.Cued && mention.Named && !current.Mention.Named)
                || (cued == current.Cued && mention.Named == current.Mention.Named && reading.Strength > current.Reading.Strength))
            {
                best[mention.Aspect] = (reading, mention, last, cued);
            }
        }
        var result = new List<AspectMention>(best.Count);
        foreach (var aspect in AspectNames.All)
        {
            if (best.TryGetValue(aspect, out var chosen))
            {
                var (start, end) = EvidenceWindow.Around(
                    text, plan.Clauses[chosen.Mention.Clause].Start, plan.Clauses[chosen.Last].End, chosen.Mention.Keyword);
                var (label, score) = chosen.Reading.Label();
                result.Add(new AspectMention(aspect, label, score, text[start..end], start, end - start));
            }
        }
        return result;
    }

    /// <summary>The polarity of one keyword occurrence, and the last clause it was read from.</summary>
    private static (Reading Reading, int Last) Read(ReviewPlan plan, PlannedMention mention, IReadOnlyList<SentimentResult> scores)
    {
        var index = mention.Clause;
        var clause = ClauseReading(plan, index, scores);
        if (mention.PraiseCue)
        {
            return (clause.Blend(Reading.Praise, CueWeight), index);
        }
        if (mention.ExceptionQuery >= 0 && Leaned(Reading.Of(scores, mention.ExceptionQuery), mention.ExceptionLexical, weak: false) is { Strength: >= EvenMargin } rest)
        {
            // "스토리 빼고는 다 좋다": the aspect is what the rest of the clause is not.
            return (rest.Reversed(), index);
        }
        var tooShort = plan.OwnLetters[index] < MinOwnLetters || plan.Cues[index].Expectation;
        if (!tooShort && clause.Strength >= EvenMargin)
        {
            return (clause, index);
        }
        if (tooShort && plan.Clauses[index].TopicFollows && plan.Cues[index].Lexical != 0 && !plan.Cues[index].Expectation)
        {
            // "연기는 좋고 | 스토리는 별로": before another aspect's topic, a short clause's evaluative word is its verdict.
            return (clause, index);
        }
        if (index + 1 < plan.Clauses.Count)
        {
            var next = ClauseReading(plan, index + 1, scores);
            if (next.Strength >= EvenMargin)
            {
                // Against a contrast the clause's own words are the evidence ("연기는 좋은데"); otherwise the
                // next clause completes it ("연기, 스토리 | 모두 좋았다"). A "-는데" clause with no verdict of
                // its own sets the scene ("기대 안 했는데 | 괜찮네요") rather than opposing what follows.
                var opposes = plan.Clauses[index].Contrasts && !plan.Cues[index].Background && !plan.Cues[index].Expectation;
                return opposes ? (next.Reversed(), index) : (next, index + 1);
            }
        }
        return (clause.Plus(Reading.Of(scores, plan.ReviewQuery), ReviewWeight), index);
    }

    /// <summary>
    /// Leans an aspect's reading on the whole review where the review speaks for it: a review with no turn in it (no
    /// -지만, -는데, -나, 하지만…) says the same of everything it names, so an unclear reading leans on the review at
    /// equal weight unless a cue spoke for the aspect; and a reading that cannot tell a side at all is replaced by the
    /// review's, rather than answering neutral about an aspect the review does talk about.
    /// </summary>
    private static Reading WithReview(ReviewPlan plan, Reading reading, bool cued, IReadOnlyList<SentimentResult> scores)
    {
        var review = Reading.Of(scores, plan.ReviewQuery);
        if (!cued && reading.Strength < ClearMargin && !plan.Clauses.Any(c => c.Contrasts))
        {
            reading = reading.Plus(review, ReviewWeightWithoutTurn);
        }
        return reading.Undecided && !review.Undecided ? review : reading;
    }

    /// <summary>The model's reading of a clause, leaned toward what its evaluative words say (<see cref="ClauseCues.Lexical"/>).</summary>
    private static Reading ClauseReading(ReviewPlan plan, int index, IReadOnlyList<SentimentResult> scores)
    {
        var reading = Reading.Of(scores, plan.ClauseQuery[index]);
        return Leaned(reading, plan.Cues[index].Lexical, reading.Strength < EvenMargin || plan.OwnLetters[index] < MinOwnLetters);
    }

    private static Reading Leaned(Reading reading, double lexical, bool weak) => lexical == 0
        ? reading
        : reading.Blend(lexical > 0 ? Reading.Praise : Reading.Praise.Reversed(), weak ? WeakLexicalWeight : LexicalWeight);

    private static int ClauseAt(IReadOnlyList<Clause> clauses, int position)
    {
        for (var i = 0; i < clauses.Count; i++)
        {
            if (position >= clauses[i].Start && position < clauses[i].End)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Letters in the clause that are not part of an aspect keyword or of the connective ending it is scored without.</summary>
    private int OwnLetters(string lower, Clause clause)
    {
        var count = 0;
        var end = clause.Start + ClauseSplitter.ScoringText(lower.Substring(clause.Start, clause.Length)).Length;
        for (var i = clause.Start; i < end;)
        {
            var keyword = _lexicon.KeywordLengthAt(lower, i);
            if (keyword > 0)
            {
                i += keyword;
                continue;
            }
            if (char.IsLetter(lower[i]))
            {
                count++;
            }
            i++;
        }
        return count;
    }

    private sealed record PlannedMention(string Aspect, int Keyword, int Clause, bool PraiseCue, int ExceptionQuery, double ExceptionLexical, bool Named);

    private sealed record ReviewPlan(
        IReadOnlyList<Clause> Clauses, int[] ClauseQuery, int[] OwnLetters, ClauseCue[] Cues, List<PlannedMention> Mentions, int ReviewQuery);

    /// <summary>What <see cref="ClauseCues"/> says about one clause.</summary>
    private readonly record struct ClauseCue(double Lexical, bool Background, bool Expectation)
    {
        public static ClauseCue Of(string lower, Clause clause, Clause? next)
        {
            var own = lower.Substring(clause.Start, clause.Length);
            var scored = ClauseSplitter.ScoringText(own);
            // "-는데" before a clause that adds to it ("스토리도 평범한데 액션까지 평범하다") is "and", not "but".
            var background = own.EndsWith('데') && next is { } n && ClauseCues.Additive(lower.Substring(n.Start, n.Length));
            return new ClauseCue(ClauseCues.Lexical(scored), background, own.EndsWith('데') && ClauseCues.Expectation(own));
        }
    }
}

/// <summary>A review's own sentiment and what it says about each aspect (<see cref="AspectAnalyzer.ScoreBatch"/>).</summary>
public sealed record ScoredReview(SentimentResult Sentiment, IReadOnlyList<AspectMention> Aspects);
