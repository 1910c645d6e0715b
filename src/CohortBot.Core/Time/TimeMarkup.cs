using System.Globalization;
using System.Text.RegularExpressions;

namespace CohortBot.Core.Time;

/// <summary>
/// Instants inside reply text are written as tokens, not formatted strings, so each adapter can show
/// them in the reader's own time: Discord's <c>&lt;t:…&gt;</c>, Slack's <c>&lt;!date^…&gt;</c>, or
/// the terminal's zoned text.
/// </summary>
public static partial class TimeMarkup
{
    public static string Token(DateTimeOffset instant, TimeStyle style = TimeStyle.Full) =>
        string.Create(CultureInfo.InvariantCulture, $"⟦t:{instant.ToUnixTimeSeconds()}:{(char)style}⟧");

    /// <summary>Replaces every token with what <paramref name="render"/> makes of it.</summary>
    public static string Render(string text, Func<DateTimeOffset, TimeStyle, string> render) =>
        TokenPattern().Replace(text, m =>
        {
            var instant = DateTimeOffset.FromUnixTimeSeconds(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            return render(instant, (TimeStyle)m.Groups[2].Value[0]);
        });

    [GeneratedRegex(@"⟦t:(-?\d{1,12}):([FDtR])⟧", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
