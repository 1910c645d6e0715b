using System.Globalization;
using System.Text.RegularExpressions;

namespace CohortBot.Core.Reminders;

/// <summary>
/// A daily window in the reader's own time zone when reminders wait: <c>22-08</c> or
/// <c>22:30-07:00</c>. A window may cross midnight; start equal to end is refused (it would be
/// all day or never, and <c>/remind off</c> already says "never").
/// </summary>
public sealed partial record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static bool TryParse(string? text, out QuietHours quiet)
    {
        quiet = new QuietHours(default, default);
        var m = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!m.Success || !TryTime(m.Groups[1].Value, m.Groups[2].Value, out var start) || !TryTime(m.Groups[3].Value, m.Groups[4].Value, out var end) || start == end)
        {
            return false;
        }

        quiet = new QuietHours(start, end);
        return true;
    }

    public bool Contains(TimeOnly local) =>
        Start < End ? local >= Start && local < End : local >= Start || local < End;

    /// <summary>When the quiet window around <paramref name="instant"/> ends, or null if it is not quiet then.</summary>
    public DateTimeOffset? EndAfter(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (!Contains(TimeOnly.FromDateTime(local.DateTime)))
        {
            return null;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= End)
        {
            day = day.AddDays(1);
        }

        var wall = day.ToDateTime(End);
        // A wall time skipped by DST does not exist; the next one that does is close enough here.
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(30);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:HH\\:mm}-{End:HH\\:mm}");

    private static bool TryTime(string hours, string minutes, out TimeOnly time)
    {
        time = default;
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = minutes.Length == 0 ? 0 : int.Parse(minutes, CultureInfo.InvariantCulture);
        if (h == 24 && m == 0)
        {
            h = 0;
        }

        if (h > 23 || m > 59)
        {
            return false;
        }

        time = new TimeOnly(h, m);
        return true;
    }

    [GeneratedRegex(@"^(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
