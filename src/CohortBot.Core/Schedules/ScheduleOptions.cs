namespace CohortBot.Core.Schedules;

/// <summary>
/// When scheduled messages go out (section <c>Schedules</c>). Offsets are before the deadline or
/// event; lists left empty in configuration get the defaults (a list in configuration replaces the
/// default, it is not appended to it).
/// </summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedules";

    public static readonly IReadOnlyList<TimeSpan> DefaultDeadlineOffsets = [TimeSpan.FromHours(48), TimeSpan.FromHours(3)];

    public static readonly IReadOnlyList<TimeSpan> DefaultEventReminderOffsets = [TimeSpan.FromHours(24), TimeSpan.FromMinutes(15)];

    public static readonly IReadOnlyList<TimeSpan> DefaultAnnouncementOffsets = [TimeSpan.FromDays(3), TimeSpan.FromHours(1)];

    /// <summary>Reminders before each weekly and certificate deadline.</summary>
    public List<TimeSpan> DeadlineOffsets { get; set; } = [];

    /// <summary>Reminders to everyone going to an event.</summary>
    public List<TimeSpan> EventReminderOffsets { get; set; } = [];

    /// <summary>Speaker announcements before each tech talk and career talk.</summary>
    public List<TimeSpan> AnnouncementOffsets { get; set; } = [];

    /// <summary>Quartz cron expression (seconds first) in the cohort's time zone; default Monday 09:00.</summary>
    public string DigestCron { get; set; } = "0 0 9 ? * MON";

    /// <summary>
    /// How late a message may still go out after the bot was down (or busy) at its moment. Older
    /// ones are dropped and logged: a "3 hours left" reminder six hours late does harm.
    /// </summary>
    public TimeSpan GraceWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Quiet hours for participants who set none (e.g. <c>23-07</c>); empty for none.</summary>
    public string? DefaultQuietHours { get; set; }

    /// <summary>Messages of one fan-out in flight at once; the platform clients still pace them.</summary>
    public int FanOutConcurrency { get; set; } = 8;

    /// <summary>Recipients read from the database per page.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>How often deferred (quiet-hours) and failed deliveries are looked at again.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Several instances on PostgreSQL: how often each checks in with the others. One that misses
    /// its check-in by this much (plus Quartz's own 7.5 s) is presumed dead, and another takes over
    /// its jobs; shorter means a faster takeover and more writes.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    public void ApplyDefaults()
    {
        if (DeadlineOffsets.Count == 0)
        {
            DeadlineOffsets.AddRange(DefaultDeadlineOffsets);
        }

        if (EventReminderOffsets.Count == 0)
        {
            EventReminderOffsets.AddRange(DefaultEventReminderOffsets);
        }

        if (AnnouncementOffsets.Count == 0)
        {
            AnnouncementOffsets.AddRange(DefaultAnnouncementOffsets);
        }
    }
}
