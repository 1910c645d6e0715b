using System.Globalization;

namespace CohortBot.Core.Text;

/// <summary>
/// Shortens text to a platform limit without splitting a character: cuts only between grapheme
/// clusters, so Hangul syllables, emoji and combining marks stay whole.
/// </summary>
public static class TextClip
{
    public const string Ellipsis = "…";

    /// <summary><paramref name="text"/> if it fits in <paramref name="maxLength"/> UTF-16 units, else a prefix ending in "…" that does.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, Boundary(text, maxLength - Ellipsis.Length)), Ellipsis);
    }

    /// <summary>The longest prefix length of at most <paramref name="budget"/> UTF-16 units that ends between grapheme clusters.</summary>
    public static int Boundary(string text, int budget)
    {
        if (budget >= text.Length)
        {
            return text.Length;
        }

        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > budget)
            {
                break;
            }

            end = next;
        }

        return end;
    }
}
