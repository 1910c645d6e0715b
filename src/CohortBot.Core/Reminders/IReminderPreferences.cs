namespace CohortBot.Core.Reminders;

/// <summary>A participant's own reminder settings (<c>/remind</c>).</summary>
public interface IReminderPreferences
{
    Task<ReminderSettings> GetAsync(long participantId, CancellationToken ct);

    Task SetEnabledAsync(long participantId, bool enabled, CancellationToken ct);

    Task SetQuietHoursAsync(long participantId, QuietHours? quiet, CancellationToken ct);
}

/// <summary>Reminders on or off, and quiet hours (null: none set).</summary>
public sealed record ReminderSettings(bool Enabled, QuietHours? Quiet);
