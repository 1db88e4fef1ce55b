using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Contracts;

/// <summary>
/// Text every database can store: PostgreSQL refuses U+0000 in text (SQLSTATE 22021), and a lone UTF-16 surrogate has
/// no UTF-8 form at all, so both are refused at the edge with a 422 naming the field instead of failing in the database.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StorableTextAttribute() : ValidationAttribute(Message)
{
    public const string Message = "U+0000 이나 짝이 없는 서로게이트 문자는 쓸 수 없습니다. (Text must not contain U+0000 or unpaired surrogates.)";

    public override bool IsValid(object? value) => value is not string text || IsStorable(text);

    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }
}
