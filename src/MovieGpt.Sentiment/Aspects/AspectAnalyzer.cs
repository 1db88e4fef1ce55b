namespace MovieGpt.Sentiment.Aspects;

/// <summary>
/// Finds the aspects a review talks about (<see cref="AspectLexicon"/>) and reads each one's polarity from the
/// clause that names it (<see cref="ClauseSplitter"/>), not from the whole review, so "연기는 좋은데 스토리가
/// 별로" is positive on acting and negative on story. A clause too short or too even to tell borrows the next
/// clause's polarity, reversed when the two are set against each other (-지만, -는데, 하지만…); failing that,
/// the whole review's leans it. All the texts a batch needs go to the sentiment model in one
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

    // How much a praise cue counts against the model's reading of the clause.
    private const double CueWeight = 0.5;

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
        var clauses = ClauseSplitter.Split(text);
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
            mentions.Add(new PlannedMention(hit.Aspect, index, PraiseCues.FollowKeyword(lower, hit.Start + hit.Length)));
        }
        if (mentions.Count == 0)
        {
            return null;
        }
        var ownLetters = clauses.Select(c => OwnLetters(lower, c)).ToArray();
        return new ReviewPlan(clauses, clauseQuery, ownLetters, mentions, reviewQuery ?? queries.Add(text));
    }

    private static IReadOnlyList<AspectMention> Resolve(string text, ReviewPlan plan, IReadOnlyList<SentimentResult> scores)
    {
        var best = new Dictionary<string, (Reading Reading, int Clause, int Last)>();
        foreach (var mention in plan.Mentions)
        {
            var (reading, last) = Read(plan, mention, scores);
            if (!best.TryGetValue(mention.Aspect, out var current) || reading.Strength > current.Reading.Strength)
            {
                best[mention.Aspect] = (reading, mention.Clause, last);
            }
        }
        var result = new List<AspectMention>(best.Count);
        foreach (var aspect in AspectNames.All)
        {
            if (best.TryGetValue(aspect, out var chosen))
            {
                var start = plan.Clauses[chosen.Clause].Start;
                var end = plan.Clauses[chosen.Last].End;
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
        var clause = Reading.Of(scores, plan.ClauseQuery[index]);
        if (mention.PraiseCue)
        {
            return (clause.Blend(Reading.Praise, CueWeight), index);
        }
        var tooShort = plan.OwnLetters[index] < MinOwnLetters;
        if (!tooShort && clause.Strength >= EvenMargin)
        {
            return (clause, index);
        }
        if (index + 1 < plan.Clauses.Count)
        {
            var next = Reading.Of(scores, plan.ClauseQuery[index + 1]);
            if (next.Strength >= EvenMargin)
            {
                // Against a contrast the clause's own words are the evidence ("연기는 좋은데"); otherwise the
                // next clause completes it ("연기, 스토리 | 모두 좋았다").
                return plan.Clauses[index].Contrasts ? (next.Reversed(), index) : (next, index + 1);
            }
        }
        return (clause.Plus(Reading.Of(scores, plan.ReviewQuery), ReviewWeight), index);
    }

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

    private sealed record PlannedMention(string Aspect, int Clause, bool PraiseCue);

    private sealed record ReviewPlan(IReadOnlyList<Clause> Clauses, int[] ClauseQuery, int[] OwnLetters, List<PlannedMention> Mentions, int ReviewQuery);
}

/// <summary>A review's own sentiment and what it says about each aspect (<see cref="AspectAnalyzer.ScoreBatch"/>).</summary>
public sealed record ScoredReview(SentimentResult Sentiment, IReadOnlyList<AspectMention> Aspects);
