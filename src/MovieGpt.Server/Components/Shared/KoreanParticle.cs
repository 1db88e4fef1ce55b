namespace MovieGpt.Server.Components.Shared;

/// <summary>
/// Korean particles that change with the word before them (을/를, 이/가, 은/는, 과/와, 으로/로), chosen by how that
/// word's last syllable is read, so a sentence reads ‘택시운전사’를 rather than the form-letter ‘택시운전사’을(를).
/// </summary>
public static class KoreanParticle
{
    /// <summary>The object particle: 을 after a final consonant, 를 after a vowel.</summary>
    public const string Object = "을/를";

    /// <summary>The subject particle: 이 / 가.</summary>
    public const string Subject = "이/가";

    /// <summary>The topic particle: 은 / 는.</summary>
    public const string Topic = "은/는";

    /// <summary>"and": 과 / 와.</summary>
    public const string And = "과/와";

    /// <summary>"to, with": 으로 / 로 (로 after ㄹ as after a vowel).</summary>
    public const string Toward = "으로/로";

    /// <summary>"택시운전사" + <see cref="Object"/> → "택시운전사를"; "기생충" + <see cref="And"/> → "기생충과".</summary>
    public static string Attach(string word, string particle) => word + Choose(word, particle);

    /// <summary>The form of <paramref name="particle"/> ("을/를", …: first after a final consonant) that follows <paramref name="word"/>.</summary>
    public static string Choose(string word, string particle)
    {
        ArgumentNullException.ThrowIfNull(word);
        var forms = particle.Split('/');
        if (forms.Length != 2)
        {
            throw new ArgumentException("A particle is written \"after consonant/after vowel\", e.g. \"을/를\".", nameof(particle));
        }
        var final = FinalOf(word);
        var consonantForm = final == Final.Other || (final == Final.Rieul && particle != Toward);
        return consonantForm ? forms[0] : forms[1];
    }

    private enum Final
    {
        None,
        Rieul,
        Other,
    }

    // Closing quotes, brackets, punctuation and spaces are not read; the last letter before them is.
    private static Final FinalOf(string word)
    {
        var text = word.TrimEnd().TrimEnd(' ', '.', ',', '!', '?', '"', '\'', '’', '”', ')', ']', '』', '」', '》', '〉', '~', '…');
        if (text.Length == 0)
        {
            return Final.None;
        }
        var last = text[^1];
        if (last is >= '가' and <= '힣')
        {
            var jongseong = (last - '가') % 28;
            return jongseong switch
            {
                0 => Final.None,
                8 => Final.Rieul,
                _ => Final.Other,
            };
        }
        return last switch
        {
            // Digits as read in Sino-Korean: 영, 삼, 육 end in a consonant; 일, 칠, 팔 in ㄹ.
            '0' or '3' or '6' => Final.Other,
            '1' or '7' or '8' => Final.Rieul,
            _ when char.IsAsciiLetter(last) => Latin(text),
            _ => Final.None,
        };
    }

    // An English title as Koreans say it: 인셉션, 타이타닉, 소울 end in a consonant; 아바타, 조커, 매트릭스 do not.
    private static Final Latin(string text)
    {
        var letters = new string([.. text.Reverse().TakeWhile(char.IsAsciiLetter).Reverse()]);
        if (letters.Length <= 3 && letters.All(char.IsAsciiLetterUpper))
        {
            // An acronym is read letter by letter: 엘 and 알 end in ㄹ, 엠 and 엔 in another consonant.
            return char.ToLowerInvariant(letters[^1]) switch
            {
                'l' or 'r' => Final.Rieul,
                'm' or 'n' => Final.Other,
                _ => Final.None,
            };
        }
        return char.ToLowerInvariant(letters[^1]) switch
        {
            'l' => Final.Rieul,
            'm' or 'n' or 'k' or 'c' or 'p' or 'g' => Final.Other,
            _ => Final.None,
        };
    }
}
