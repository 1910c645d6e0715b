using System.Globalization;

namespace CohortBot.Core.Time;

/// <summary>
/// Formats instants for readers who see plain text (terminal, exports, digests in files): the
/// local time in a given zone with its UTC offset, so nobody has to guess which zone is meant.
/// </summary>
public sealed class ZonedTimeFormatter(TimeZoneInfo zone, TimeProvider clock, CultureInfo culture)
{
    public string Format(DateTimeOffset instant, TimeStyle style) => style switch
    {
        TimeStyle.Date => Local(instant).ToString("ddd yyyy-MM-dd", culture),
        TimeStyle.Time => Local(instant).ToString("HH:mm", culture) + " " + Offset(instant),
        TimeStyle.Relative => Relative(instant - clock.GetUtcNow()),
        _ => Local(instant).ToString("ddd yyyy-MM-dd HH:mm", culture) + " " + Offset(instant),
    };

    public string Render(string text) => TimeMarkup.Render(text, Format);

    private DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    private string Offset(DateTimeOffset instant)
    {
        var offset = zone.GetUtcOffset(instant);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"(UTC{sign}{offset.Duration():hh\\:mm})");
    }

    private static string Relative(TimeSpan delta)
    {
        var future = delta >= TimeSpan.Zero;
        var span = delta.Duration();
        var amount = span.TotalDays >= 1 ? Unit((int)span.TotalDays, "day")
            : span.TotalHours >= 1 ? Unit((int)span.TotalHours, "hour")
            : span.TotalMinutes >= 1 ? Unit((int)span.TotalMinutes, "minute")
            : null;
        if (amount is null)
        {
            return "now";
        }

        return future ? $"in {amount}" : $"{amount} ago";
    }

    private static string Unit(int n, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? string.Empty : "s")}");
}
