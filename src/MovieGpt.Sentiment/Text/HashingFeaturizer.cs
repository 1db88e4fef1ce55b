namespace MovieGpt.Sentiment.Text;

/// <summary>
/// Turns a normalized review into bucket ids of hashed character n-grams (over " text ", spaces included)
/// and word n-grams. Duplicates are kept: the model averages the rows, so a repeated n-gram weighs more.
/// FNV-1a over UTF-16 code units, finished with a 64-bit mix; each n-gram kind hashes in its own family.
/// </summary>
public sealed class HashingFeaturizer
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong CharFamily = 0x1000;
    private const ulong WordFamily = 0x2000;
    private const ulong BigramFamily = 0x3000;
    private const ulong TrigramFamily = 0x4000;
    private const ulong TailFamily = 0x5000;
    private const ulong LastWordFamily = 0x6000;
    private const ulong UnspacedFamily = 0x8000;

    private readonly FeaturizerSettings _settings;
    private readonly ulong _seed;

    public HashingFeaturizer(FeaturizerSettings settings)
    {
        settings.Validate();
        _settings = settings;
        _seed = FnvOffset ^ settings.HashSeed;
    }

    public FeaturizerSettings Settings => _settings;

    /// <summary>Appends the feature ids of <paramref name="normalized"/> to <paramref name="ids"/>.</summary>
    public void Featurize(string normalized, List<int> ids)
    {
        AddCharNgrams(normalized, ids);
        if (_settings.WordNgramMax > 0)
        {
            AddWordNgrams(normalized, ids);
        }
        if (_settings.TailCharacters > 0)
        {
            AddTail(normalized, ids);
        }
        if (_settings.UnspacedNgramMax > 1)
        {
            AddUnspacedNgrams(normalized, ids);
        }
    }

    public int[] Featurize(string normalized)
    {
        var ids = new List<int>(normalized.Length * (_settings.CharNgramMax + 1));
        Featurize(normalized, ids);
        return [.. ids];
    }

    private void AddUnspacedNgrams(string text, List<int> ids)
    {
        Span<char> letters = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c != ' ')
            {
                letters[length++] = c;
            }
        }
        for (var start = 0; start < length; start++)
        {
            var hash = _seed ^ UnspacedFamily;
            for (var n = 1; n <= _settings.UnspacedNgramMax && start + n <= length; n++)
            {
                hash = (hash ^ letters[start + n - 1]) * FnvPrime;
                if (n >= 2)
                {
                    ids.Add(Bucket(hash ^ ((ulong)n << 56)));
                }
            }
        }
    }

    private void AddTail(string text, List<int> ids)
    {
        var tail = text.AsSpan(Math.Max(0, text.Length - _settings.TailCharacters));
        for (var start = 0; start < tail.Length; start++)
        {
            var hash = _seed ^ TailFamily;
            for (var n = 1; n <= _settings.CharNgramMax && start + n <= tail.Length; n++)
            {
                hash = (hash ^ tail[start + n - 1]) * FnvPrime;
                ids.Add(Bucket(hash ^ ((ulong)n << 56)));
            }
        }
        var lastSpace = text.LastIndexOf(' ');
        var word = _seed ^ LastWordFamily;
        foreach (var c in text.AsSpan(lastSpace + 1))
        {
            word = (word ^ c) * FnvPrime;
        }
        ids.Add(Bucket(word));
    }

    private void AddCharNgrams(string text, List<int> ids)
    {
        // Pad with spaces so n-grams at the edges of the text mark a word boundary.
        var length = text.Length + 2;
        for (var start = 0; start < length; start++)
        {
            var hash = _seed ^ CharFamily;
            for (var n = 1; n <= _settings.CharNgramMax && start + n <= length; n++)
            {
                var c = CharAt(text, start + n - 1);
                hash = (hash ^ c) * FnvPrime;
                if (n >= _settings.CharNgramMin && !(n == 1 && c == ' '))
                {
                    ids.Add(Bucket(hash ^ ((ulong)n << 56)));
                }
            }
        }
    }

    private static char CharAt(string text, int paddedIndex) =>
        paddedIndex == 0 || paddedIndex == text.Length + 1 ? ' ' : text[paddedIndex - 1];

    private void AddWordNgrams(string text, List<int> ids)
    {
        ulong previous = 0, beforePrevious = 0;
        var index = 0;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range);
            if (word.IsEmpty)
            {
                continue;
            }
            var hash = _seed ^ WordFamily;
            foreach (var c in word)
            {
                hash = (hash ^ c) * FnvPrime;
            }
            ids.Add(Bucket(hash));
            if (_settings.WordNgramMax >= 2 && index >= 1)
            {
                ids.Add(Bucket((previous * FnvPrime) ^ hash ^ BigramFamily));
            }
            if (_settings.WordNgramMax >= 3 && index >= 2)
            {
                ids.Add(Bucket((((beforePrevious * FnvPrime) ^ previous) * FnvPrime) ^ hash ^ TrigramFamily));
            }
            beforePrevious = previous;
            previous = hash;
            index++;
        }
    }

    private int Bucket(ulong hash)
    {
        // MurmurHash3's finalizer spreads FNV's weak low bits before the range reduction.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (int)(((hash >> 32) * (ulong)_settings.Buckets) >> 32);
    }
}
