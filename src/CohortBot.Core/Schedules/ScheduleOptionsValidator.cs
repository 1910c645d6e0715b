using CohortBot.Core.Reminders;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Schedules;

/// <summary>Start-up checks of <see cref="ScheduleOptions"/>; every message names the key to fix.</summary>
public sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions o)
    {
        var failures = new List<string>();
        Offsets(o.DeadlineOffsets, nameof(o.DeadlineOffsets), failures);
        Offsets(o.EventReminderOffsets, nameof(o.EventReminderOffsets), failures);
        Offsets(o.AnnouncementOffsets, nameof(o.AnnouncementOffsets), failures);
        if (o.GraceWindow < TimeSpan.FromMinutes(1) || o.GraceWindow > TimeSpan.FromDays(2))
        {
            failures.Add("Schedules:GraceWindow must be between 00:01:00 and 2.00:00:00.");
        }

        if (!string.IsNullOrWhiteSpace(o.DefaultQuietHours) && !QuietHours.TryParse(o.DefaultQuietHours, out _))
        {
            failures.Add($"Schedules:DefaultQuietHours '{o.DefaultQuietHours}' is not a window like 22-08 or 22:30-07:00.");
        }

        if (o.FanOutConcurrency is < 1 or > 64)
        {
            failures.Add("Schedules:FanOutConcurrency must be between 1 and 64.");
        }

        if (o.PageSize is < 10 or > 5000)
        {
            failures.Add("Schedules:PageSize must be between 10 and 5000.");
        }

        if (o.SweepInterval < TimeSpan.FromSeconds(5) || o.SweepInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Schedules:SweepInterval must be between 00:00:05 and 01:00:00.");
        }

        if (o.ClusterCheckinInterval < TimeSpan.FromSeconds(1) || o.ClusterCheckinInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add("Schedules:ClusterCheckinInterval must be between 00:00:01 and 00:05:00.");
        }

        if (string.IsNullOrWhiteSpace(o.DigestCron))
        {
            failures.Add("Schedules:DigestCron is required, e.g. \"0 0 9 ? * MON\" (Monday 09:00 in the cohort's time zone).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Offsets(List<TimeSpan> offsets, string key, List<string> failures)
    {
        foreach (var offset in offsets)
        {
            if (offset <= TimeSpan.Zero || offset > TimeSpan.FromDays(30))
            {
                failures.Add($"Schedules:{key} has {offset}; each offset must be more than zero and at most 30.00:00:00.");
            }
        }

        if (offsets.Distinct().Count() != offsets.Count)
        {
            failures.Add($"Schedules:{key} lists the same offset twice.");
        }
    }
}
