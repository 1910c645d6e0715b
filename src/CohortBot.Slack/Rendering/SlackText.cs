using System.Globalization;
using System.Text;
using CohortBot.Core.Text;
using CohortBot.Core.Time;

namespace CohortBot.Slack.Rendering;

/// <summary>
/// Slack mrkdwn from neutral text: the three control characters escaped (so user text cannot ping
/// @channel or fake a link), time tokens as <c>&lt;!date^…&gt;</c> that Slack shows in the reader's
/// zone, and clipping that never cuts an escape or a date token in half.
/// </summary>
internal static class SlackText
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Escaped mrkdwn with time tokens rendered, at most <paramref name="max"/> characters.</summary>
    public static string Mrkdwn(string text, int max) => Clip(TimeMarkup.Render(Escape(SlackCommandNames.Rewrite(text)), DateToken), max);

    /// <summary>Plain text (for plain_text objects and notification fallbacks): times as UTC, nothing escaped.</summary>
    public static string Plain(string text, int max) => ClipPlain(TimeMarkup.Render(SlackCommandNames.Rewrite(text), (instant, _) => Iso(instant)), max);

    public static string DateToken(DateTimeOffset instant, TimeStyle style)
    {
        var format = style switch
        {
            TimeStyle.Date => "{date_short_pretty}",
            TimeStyle.Time => "{time}",
            TimeStyle.Relative => "{ago}",
            _ => "{date_short_pretty} {time}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"<!date^{instant.ToUnixTimeSeconds()}^{format}|{Iso(instant)}>");
    }

    public static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string ClipPlain(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, SafeCut(text, max - 1)), "…");

    private static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = SafeCut(text, max - 1);
        var open = text.LastIndexOf('<', cut - 1 < 0 ? 0 : cut - 1);
        if (open >= 0 && text.IndexOf('>', open) >= cut)
        {
            cut = open;
        }

        var amp = text.LastIndexOf('&', cut - 1 < 0 ? 0 : cut - 1);
        if (amp >= 0 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        return new StringBuilder().Append(text, 0, cut).Append('…').ToString();
    }

    /// <summary>The cut at or before <paramref name="cut"/> that splits no character (Core's grapheme-safe <see cref="TextClip"/>).</summary>
    public static int SafeCut(string text, int cut) => cut <= 0 ? 0 : TextClip.Boundary(text, cut);
}
