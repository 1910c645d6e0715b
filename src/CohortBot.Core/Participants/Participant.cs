namespace CohortBot.Core.Participants;

/// <summary>A member of a cohort, across however many platforms they use.</summary>
/// <param name="Locale">The language they chose, else the one their platform reported.</param>
/// <param name="TimeZone">IANA id they chose for DMs and quiet hours; null means the cohort's.</param>
public sealed record Participant(long Id, long CohortId, string DisplayName, string? Email, string? Locale, string? TimeZone, ParticipantStatus Status)
{
    /// <summary>The name came from the organizers' roster and is not replaced by platform display names.</summary>
    public bool NamedByOrganizer { get; init; }

    /// <summary>The language the participant chose with /language; wins over any platform locale (see <see cref="Messages.ReaderLanguage"/>).</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The platform account behind the name (<c>discord:81234…</c>, <c>slack:U012…</c>), where the
    /// read filled it in: with the <c>#id</c> it tells apart two people of the same name (<see cref="ParticipantLabel"/>).
    /// </summary>
    public string? Handle { get; init; }
}

public enum ParticipantStatus
{
    Active,
    Dropped,
}
