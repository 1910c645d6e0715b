using CohortBot.Core.Digests;
using CohortBot.Core.Participants;
using CohortBot.Storage.Sqlite;

namespace CohortBot.Storage.Digests;

/// <summary>The rows of the digest's longer queries, as Dapper maps them (snake_case columns).</summary>
internal static class DigestRows
{
    public static string? Handle(string? platform, string? userId) =>
        platform is null || userId is null ? null : ParticipantLabel.Handle(platform, userId);

    private static Participant Active(long id, long cohortId, string name, string? email, string? locale, string? timeZone, string? platform, string? userId) =>
        new(id, cohortId, name, email, locale, timeZone, ParticipantStatus.Active) { Handle = Handle(platform, userId) };

    /// <summary>One week of a participant's run without a proof that counts (<c>WithoutProof.sql</c>).</summary>
    internal sealed class PersonWeek
    {
        public long Id { get; init; }

        public long CohortId { get; init; }

        public string DisplayName { get; init; } = "";

        public string? Email { get; init; }

        public string? Locale { get; init; }

        public string? TimeZone { get; init; }

        public string? Platform { get; init; }

        public string? PlatformUserId { get; init; }

        public long WeekId { get; init; }

        public long Excused { get; init; }

        public long? ExtendedTo { get; init; }

        public Participant ToParticipant() => Active(Id, CohortId, DisplayName, Email, Locale, TimeZone, Platform, PlatformUserId);
    }

    /// <summary>A later proof and the earliest with the same image, with both participants (<c>Duplicates.sql</c>).</summary>
    internal sealed class Duplicate
    {
        public long Id { get; init; }

        public long WeekNumber { get; init; }

        public long SubmittedAt { get; init; }

        public long ParticipantId { get; init; }

        public long CohortId { get; init; }

        public string DisplayName { get; init; } = "";

        public string? Email { get; init; }

        public string? Locale { get; init; }

        public string? TimeZone { get; init; }

        public string? Platform { get; init; }

        public string? PlatformUserId { get; init; }

        public long OtherId { get; init; }

        public long OtherWeekNumber { get; init; }

        public long OtherSubmittedAt { get; init; }

        public long OtherParticipantId { get; init; }

        public string OtherDisplayName { get; init; } = "";

        public string? OtherEmail { get; init; }

        public string? OtherLocale { get; init; }

        public string? OtherTimeZone { get; init; }

        public string? OtherPlatform { get; init; }

        public string? OtherPlatformUserId { get; init; }

        public DuplicatePair ToDomain() => new(
            Active(ParticipantId, CohortId, DisplayName, Email, Locale, TimeZone, Platform, PlatformUserId),
            new ListedProof(Id, (int)WeekNumber, Instants.FromDb(SubmittedAt)),
            Active(OtherParticipantId, CohortId, OtherDisplayName, OtherEmail, OtherLocale, OtherTimeZone, OtherPlatform, OtherPlatformUserId),
            new ListedProof(OtherId, (int)OtherWeekNumber, Instants.FromDb(OtherSubmittedAt)));
    }
}
