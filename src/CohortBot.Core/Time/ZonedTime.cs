namespace CohortBot.Core.Time;

/// <summary>Converts wall-clock times in a cohort's zone to instants, refusing times that do not exist.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant at which clocks in <paramref name="zone"/> show <paramref name="local"/>. A time
    /// skipped by a DST change is an error (a deadline must be unambiguous); a repeated time takes
    /// the first occurrence, the earlier instant.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            throw new ArgumentException($"{unspecified:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (clocks skip it).", nameof(local));
        }

        var offset = zone.IsAmbiguousTime(unspecified)
            ? zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}
