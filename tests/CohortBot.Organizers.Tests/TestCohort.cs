using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Time;

namespace CohortBot.Organizers.Tests;

/// <summary>A small cohort in Asia/Seoul: three weeks, one certificate mission, two events, a roster with Korean names.</summary>
internal static class TestCohort
{
    public static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public static readonly string[] Members = ["minjun", "seoyeon", "jiho", "haeun"];

    public static DateTimeOffset Kst(string local) =>
        ZonedTime.ToInstant(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Seoul);

    public static CohortDefinition Definition() => new(
        "test-cohort", "Test Cohort", Seoul, Kst("2026-09-01 00:00"), Kst("2026-12-31 23:59"), RegistrationOpen: false, "en",
        new CertificateMission(Kst("2026-11-30 23:59"), [new CertificateDefinition("tf", "TensorFlow Developer Certificate", 1)], 1),
        [
            new WeekDefinition(1, "Week one", null, Kst("2026-09-14 00:00"), Kst("2026-09-20 23:59"), Kst("2026-09-27 23:59"), 1),
            new WeekDefinition(2, "Week two", null, Kst("2026-09-21 00:00"), Kst("2026-09-27 23:59"), Kst("2026-10-04 23:59"), 1),
            new WeekDefinition(3, "Week three", null, Kst("2026-09-28 00:00"), Kst("2026-10-04 23:59"), Kst("2026-10-11 23:59"), 1),
        ],
        [
            new EventDefinition("tt-one", EventKind.TechTalk, "Talk one", "Hyperconnect", null, [new Speaker("김하늘", "ML engineer")],
                Kst("2026-09-24 20:00"), Kst("2026-09-24 21:00"), null, null, false, 1),
            new EventDefinition("oh-two", EventKind.OfficeHours, "Office hours two", "Dable", null, [],
                Kst("2026-10-08 20:00"), Kst("2026-10-08 21:00"), null, 10, false, 1),
        ],
        [
            new RosterEntry("김민준", "minjun@example.com", new Dictionary<string, string> { ["terminal"] = "minjun" }, 1),
            new RosterEntry("이서연", "seoyeon@example.com", new Dictionary<string, string> { ["terminal"] = "seoyeon" }, 1),
            new RosterEntry("박지호", "jiho@example.com", new Dictionary<string, string> { ["terminal"] = "jiho" }, 1),
            new RosterEntry("Haeun \"Ha\" Choi, Jr.", "haeun@example.com", new Dictionary<string, string> { ["terminal"] = "haeun" }, 1),
        ]);
}
