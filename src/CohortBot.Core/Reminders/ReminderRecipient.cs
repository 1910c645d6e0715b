using CohortBot.Core.Participants;

namespace CohortBot.Core.Reminders;

/// <summary>A participant to remind, with what the reminder needs: language, zone, preferences, and platform accounts.</summary>
public sealed record ReminderRecipient(
    long ParticipantId,
    string? Locale,
    string? TimeZone,
    bool RemindersEnabled,
    QuietHours? Quiet,
    IReadOnlyList<PlatformIdentity> Identities);
