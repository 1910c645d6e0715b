using System.Globalization;
using CohortBot.Core.Messages;

namespace CohortBot.Core.Time;

/// <summary>
/// Formats instants for readers who see plain text (terminal, exports, digests in files): the
/// local time in a given zone with its UTC offset, so nobody has to guess which zone is meant,
/// in the reader's language.
/// </summary>
public sealed class ZonedTimeFormatter(TimeZoneInfo zone, TimeProvider clock, Texts texts)
{
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(texts.Language);

    /// <summary>Dates in the reader's order (<c>time.format.*</c> in the catalogue: <c>Sun 2026-12-06</c>, <c>2026-12-06 (일)</c>).</summary>
    public string Format(DateTimeOffset instant, TimeStyle style) => style switch
    {
        TimeStyle.Date => Local(instant).ToString(texts["time.format.date"], _culture),
        TimeStyle.Time => Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + Offset(instant),
        TimeStyle.Relative => Relative(instant - clock.GetUtcNow()),
        _ => Local(instant).ToString(texts["time.format.full"], _culture) + " " + Offset(instant),
    };

    public string Render(string text) => TimeMarkup.Render(text, Format);

    private DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    private string Offset(DateTimeOffset instant)
    {
        var offset = zone.GetUtcOffset(instant);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"(UTC{sign}{offset.Duration():hh\\:mm})");
    }

    private string Relative(TimeSpan delta)
    {
        var span = delta.Duration();
        var (unit, n) = span.TotalDays >= 1 ? ("day", (int)span.TotalDays)
            : span.TotalHours >= 1 ? ("hour", (int)span.TotalHours)
            : span.TotalMinutes >= 1 ? ("minute", (int)span.TotalMinutes)
            : (null, 0);
        if (unit is null)
        {
            return texts["time.now"];
        }

        var direction = delta >= TimeSpan.Zero ? "in" : "ago";
        return texts[$"time.{direction}.{unit}.{(n == 1 ? "one" : "other")}", new { n }];
    }
}
