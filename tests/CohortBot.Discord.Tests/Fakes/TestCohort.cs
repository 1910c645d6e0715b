using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;

namespace CohortBot.Discord.Tests.Fakes;

/// <summary>A small cohort around "now": week 1 open, week 2 overdue but still taking late proofs, week 3 not open yet.</summary>
public static class TestCohort
{
    public const string Slug = "test-cohort";

    public static CohortDefinition Create(DateTimeOffset now) => new(
        Slug,
        "Test Cohort",
        TimeZoneInfo.Utc,
        now.AddDays(-14),
        now.AddDays(60),
        RegistrationOpen: true,
        Language: "en",
        new CertificateMission(now.AddDays(30), [new CertificateDefinition("aws-saa", "AWS Solutions Architect Associate", 1)], 1),
        [
            new WeekDefinition(1, "Foundations", "Modules 1-3", now.AddDays(-3), now.AddDays(2), now.AddDays(5), 1),
            new WeekDefinition(2, "Networking", null, now.AddDays(-10), now.AddDays(-1), now.AddDays(3), 1),
            new WeekDefinition(3, "Storage", null, now.AddDays(4), now.AddDays(9), now.AddDays(12), 1),
        ],
        [
            new EventDefinition("oh1", EventKind.OfficeHours, "Office hours with Ana", null, null, [new Speaker("Ana", "Mentor")], now.AddDays(2), now.AddDays(2).AddHours(1), "https://meet.example/oh1", 1, false, 1),
            new EventDefinition("tt1", EventKind.TechTalk, "Serverless in practice", "Acme", null, [], now.AddDays(3), now.AddDays(3).AddHours(1), null, null, false, 1),
        ],
        [],
        1);
}
