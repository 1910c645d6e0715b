using System.Globalization;
using CohortBot.Core.Time;

namespace CohortBot.Discord.Rendering;

/// <summary>Text helpers for Discord's length limits and timestamp markup.</summary>
public static class DiscordText
{
    /// <summary>Discord refuses empty embed field names and values; a zero-width space stands in.</summary>
    public const string Blank = "\u200b";

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> UTF-16 units, ending with an
    /// ellipsis when cut. Never splits a surrogate pair, so the result is always valid Unicode.
    /// </summary>
    public static string Truncate(string? text, int max)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= max)
        {
            return text ?? string.Empty;
        }

        if (max <= 1)
        {
            return max == 1 ? "…" : string.Empty;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>Core time tokens become Discord's <c>&lt;t:unix:STYLE&gt;</c>, shown in each reader's zone.</summary>
    public static string RenderTimes(string text) =>
        TimeMarkup.Render(text, (instant, style) =>
            string.Create(CultureInfo.InvariantCulture, $"<t:{instant.ToUnixTimeSeconds()}:{(char)style}>"));

    public static string NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? Blank : text;
}
