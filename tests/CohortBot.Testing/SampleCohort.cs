using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Time;

namespace CohortBot.Testing;

/// <summary>
/// A small cohort in Asia/Seoul built in code: three weeks due on Sundays 23:59 KST, three
/// certificates, a talk and an office hour with two seats. <see cref="Now"/> is during week 2.
/// </summary>
public static class SampleCohort
{
    public static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    /// <summary>Wednesday 2026-09-23 12:00 KST.</summary>
    public static readonly DateTimeOffset Now = Kst(2026, 9, 23, 12, 0);

    public static DateTimeOffset Kst(int y, int m, int d, int h, int min) => ZonedTime.ToInstant(new DateTime(y, m, d, h, min, 0), Seoul);

    public static CohortDefinition Definition(Func<CohortDefinition, CohortDefinition>? edit = null)
    {
        var def = new CohortDefinition(
            "test-cohort",
            "Test Cohort",
            Seoul,
            Kst(2026, 9, 14, 0, 0),
            Kst(2027, 1, 31, 23, 59),
            RegistrationOpen: true,
            "en",
            new CertificateMission(Kst(2027, 1, 15, 23, 59),
            [
                new("tf-developer", "TensorFlow Developer Certificate", 0),
                new("gcp-ml-engineer", "Google Cloud Professional Machine Learning Engineer", 0),
                new("gcp-data-engineer", "Google Cloud Professional Data Engineer", 0),
            ], 0),
            [
                new(1, "Course 1, weeks 1-2", "Neural Networks and Deep Learning", Kst(2026, 9, 14, 0, 0), Kst(2026, 9, 20, 23, 59), null, 0),
                new(2, "Course 1, weeks 3-4", null, Kst(2026, 9, 21, 0, 0), Kst(2026, 9, 27, 23, 59), null, 0),
                new(3, "Course 2, week 1", null, Kst(2026, 9, 28, 0, 0), Kst(2026, 10, 4, 23, 59), null, 0),
            ],
            [
                new("tt-dable", EventKind.TechTalk, "News recommendation at scale", "Dable", "Recsys", [new("Jung Yuna", "Data Scientist")],
                    Kst(2026, 9, 30, 20, 0), Kst(2026, 9, 30, 21, 30), "https://meet.example.com/tt", null, false, 0),
                new("oh-dable", EventKind.OfficeHours, "Office hours with Dable", "Dable", null, [new("Jung Yuna", null)],
                    Kst(2026, 10, 1, 21, 0), Kst(2026, 10, 1, 21, 45), "https://meet.example.com/oh", 2, false, 0),
            ],
            []);
        return edit is null ? def : edit(def);
    }
}
