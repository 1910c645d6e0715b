using System.Globalization;
using CohortBot.Core.Text;
using CohortBot.Core.Time;

namespace CohortBot.Discord.Rendering;

/// <summary>Text helpers for Discord's length limits and timestamp markup.</summary>
public static class DiscordText
{
    /// <summary>Discord refuses empty embed field names and values; a zero-width space stands in.</summary>
    public const string Blank = "\u200b";

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> UTF-16 units, ending with an
    /// ellipsis when cut, between grapheme clusters (Core's <see cref="TextClip"/>): a Hangul
    /// syllable, an emoji sequence or a combining mark is never split.
    /// </summary>
    public static string Truncate(string? text, int max) =>
        string.IsNullOrEmpty(text) || max <= 0 ? (max <= 0 ? string.Empty : text ?? string.Empty) : TextClip.Truncate(text, max);

    /// <summary>Core time tokens become Discord's <c>&lt;t:unix:STYLE&gt;</c>, shown in each reader's zone.</summary>
    public static string RenderTimes(string text) =>
        TimeMarkup.Render(text, (instant, style) =>
            string.Create(CultureInfo.InvariantCulture, $"<t:{instant.ToUnixTimeSeconds()}:{(char)style}>"));

    public static string NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? Blank : text;
}
