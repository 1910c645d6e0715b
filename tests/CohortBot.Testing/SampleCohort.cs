using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Time;

namespace CohortBot.Testing;

/// <summary>
/// A small cohort in Asia/Seoul: three weeks due on Sundays 23:59 KST, three certificates, a talk
/// and an office hour with two seats. <see cref="Now"/> is during week 2. Built with the shared
/// <see cref="CohortBuilder"/>, so a test may start from it and change what it is about.
/// </summary>
public static class SampleCohort
{
    public static readonly TimeZoneInfo Seoul = CohortBuilder.Seoul;

    /// <summary>Wednesday 2026-09-23 12:00 KST.</summary>
    public static readonly DateTimeOffset Now = Kst(2026, 9, 23, 12, 0);

    public static DateTimeOffset Kst(int y, int m, int d, int h, int min) => ZonedTime.ToInstant(new DateTime(y, m, d, h, min, 0), Seoul);

    public static DateTimeOffset Kst(DateTime local) => ZonedTime.ToInstant(local, Seoul);

    /// <summary>A wall-clock time in Seoul, <c>yyyy-MM-dd HH:mm</c>.</summary>
    public static DateTimeOffset Kst(string local) => ZonedTime.ToInstant(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Seoul);

    public static CohortBuilder Builder()
    {
        var cohort = new CohortBuilder(Seoul, Kst(2026, 9, 14, 0, 0), Kst(2027, 1, 31, 23, 59))
            .Week(1, Kst(2026, 9, 14, 0, 0), Kst(2026, 9, 20, 23, 59), title: "Course 1, weeks 1-2", course: "Neural Networks and Deep Learning")
            .Week(2, Kst(2026, 9, 21, 0, 0), Kst(2026, 9, 27, 23, 59), title: "Course 1, weeks 3-4")
            .Week(3, Kst(2026, 9, 28, 0, 0), Kst(2026, 10, 4, 23, 59), title: "Course 2, week 1")
            .Certificate(
                Kst(2027, 1, 15, 23, 59),
                ("tf-developer", "TensorFlow Developer Certificate"),
                ("gcp-ml-engineer", "Google Cloud Professional Machine Learning Engineer"),
                ("gcp-data-engineer", "Google Cloud Professional Data Engineer"))
            .Event("tt-dable", EventKind.TechTalk, Kst(2026, 9, 30, 20, 0), TimeSpan.FromMinutes(90), "News recommendation at scale", "Dable", "Recsys",
                [new("Jung Yuna", "Data Scientist")], "https://meet.example.com/tt")
            .Event("oh-dable", EventKind.OfficeHours, Kst(2026, 10, 1, 21, 0), TimeSpan.FromMinutes(45), "Office hours with Dable", "Dable", null,
                [new("Jung Yuna", null)], "https://meet.example.com/oh", capacity: 2);
        return cohort;
    }

    /// <summary>
    /// The sample as the cohort file the host-booting suites write: the office hour has one seat (a
    /// second RSVP goes to the waitlist) and no speaker, the talk no topic.
    /// </summary>
    public static string Yaml { get; } = Builder()
        .EditEvent("tt-dable", e => e with { Topic = null })
        .EditEvent("oh-dable", e => e with { Speakers = [], Capacity = 1 })
        .ToYaml();

    public static CohortDefinition Definition(Func<CohortDefinition, CohortDefinition>? edit = null)
    {
        var def = Builder().Build();
        return edit is null ? def : edit(def);
    }
}
