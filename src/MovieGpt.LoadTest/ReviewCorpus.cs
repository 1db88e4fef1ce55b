namespace MovieGpt.LoadTest;

/// <summary>Real Korean reviews to post: the repository's fixed dev sample when it is there, else a few built-in ones.</summary>
public static class ReviewCorpus
{
    private static readonly string[] BuiltIn =
    [
        "정말 재미있고 감동적인 최고의 영화였어요",
        "시간 낭비 돈 아깝다 최악의 영화 ㅡㅡ",
        "배우들 연기가 너무 좋았고 마지막 장면에서 눈물이 났어요 ㅠㅠ",
        "스토리가 뻔하고 지루해서 중간에 잠들었네요",
        "그냥 볼만했어요. 기대보다는 조금 아쉬웠지만 나쁘지 않음",
        "올해 본 영화 중 최고! 음악도 영상미도 완벽했다",
        "돈 주고 보기엔 아까운 영화... 연출이 엉망이다",
        "ㅋㅋㅋㅋ 진짜 웃기다 가족이랑 보기 좋아요",
    ];

    public static (IReadOnlyList<string> Texts, string Source) Load(string path)
    {
        if (!File.Exists(path))
        {
            return (BuiltIn, "built-in sample");
        }
        // Rating-format TSV: review_id, movie_id, rating, date, author, text.
        var texts = File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 6)
            .Select(fields => fields[5].Trim())
            .Where(text => text.Length is >= 5 and <= 5_000)
            .ToList();
        return texts.Count > 0 ? (texts, $"{path} ({texts.Count} reviews)") : (BuiltIn, "built-in sample");
    }
}
