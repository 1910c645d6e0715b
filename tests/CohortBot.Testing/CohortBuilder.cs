using System.Globalization;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Events;
using CohortBot.Core.Time;

namespace CohortBot.Testing;

/// <summary>
/// The one cohort builder of the suites: a cohort in code — zone, weeks, events, certificates,
/// roster — as a <see cref="CohortDefinition"/> for tests that sync it themselves, or as a cohort
/// file (<see cref="ToYaml"/>) for tests that boot the host. Times are instants; <see cref="At(string)"/>
/// reads a wall-clock time in the cohort's zone. The parts are lists a test may edit between syncs.
/// </summary>
public sealed class CohortBuilder(TimeZoneInfo zone, DateTimeOffset startsAt, DateTimeOffset endsAt)
{
    public static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public TimeZoneInfo Zone { get; } = zone;

    public string Slug { get; set; } = "test-cohort";

    public string Name { get; set; } = "Test Cohort";

    public DateTimeOffset StartsAt { get; set; } = startsAt;

    public DateTimeOffset EndsAt { get; set; } = endsAt;

    public bool RegistrationOpen { get; set; } = true;

    public string Language { get; set; } = "en";

    public CertificateMission? Certificates { get; set; }

    /// <summary>
    /// The completion rules. When null, <see cref="Build"/> gives <see cref="CompletionRules.Default"/>
    /// and <see cref="ToYaml"/> writes no <c>completion:</c> section (so the file's defaults apply:
    /// the certificate required when there is a certificates section).
    /// </summary>
    public CompletionRules? Completion { get; set; }

    public List<WeekDefinition> Weeks { get; } = [];

    public List<EventDefinition> Events { get; } = [];

    public List<RosterEntry> Roster { get; } = [];

    /// <summary>
    /// A one-week cohort in Seoul laid around <paramref name="now"/>'s day there: it started ten days
    /// before and ends sixty days after; week 1 ("Course 1") opened three days before and is due in four.
    /// </summary>
    public static CohortBuilder AroundDay(DateTimeOffset now, string slug, string name)
    {
        var today = TimeZoneInfo.ConvertTime(now, Seoul).Date;
        var cohort = new CohortBuilder(Seoul, ZonedTime.ToInstant(today.AddDays(-10), Seoul), ZonedTime.ToInstant(today.AddDays(60).AddHours(23).AddMinutes(59), Seoul))
        {
            Slug = slug,
            Name = name,
        };
        return cohort.Week(1, cohort.At(today.AddDays(-3)), cohort.At(today.AddDays(4).AddHours(23).AddMinutes(59)), title: "Course 1");
    }

    /// <summary>A wall-clock time in the cohort's zone, <c>yyyy-MM-dd HH:mm</c>, as an instant.</summary>
    public DateTimeOffset At(string local) => At(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    public DateTimeOffset At(DateTime local) => ZonedTime.ToInstant(local, Zone);

    /// <summary>A week; its title is "Week <paramref name="number"/>" unless given.</summary>
    public CohortBuilder Week(int number, DateTimeOffset opens, DateTimeOffset due, DateTimeOffset? closes = null, string? title = null, string? course = null)
    {
        Weeks.Add(new WeekDefinition(number, title ?? "Week " + number.ToString(CultureInfo.InvariantCulture), course, opens, due, closes, Weeks.Count + 1));
        return this;
    }

    /// <summary>An event of an hour unless told; its title is its key unless given.</summary>
    public CohortBuilder Event(
        string key,
        EventKind kind,
        DateTimeOffset starts,
        TimeSpan? duration = null,
        string? title = null,
        string? company = null,
        string? topic = null,
        IReadOnlyList<Speaker>? speakers = null,
        string? joinUrl = null,
        int? capacity = null)
    {
        Events.Add(new EventDefinition(key, kind, title ?? key, company, topic, speakers ?? [], starts, starts + (duration ?? TimeSpan.FromHours(1)), joinUrl, capacity, false, Events.Count + 1));
        return this;
    }

    public CohortBuilder EditEvent(string key, Func<EventDefinition, EventDefinition> edit)
    {
        var at = Events.FindIndex(e => e.Key == key);
        Events[at] = edit(Events[at]);
        return this;
    }

    public CohortBuilder Certificate(DateTimeOffset deadline, params (string Key, string Name)[] allowed)
    {
        Certificates = new CertificateMission(deadline, [.. allowed.Select((a, i) => new CertificateDefinition(a.Key, a.Name, i + 1))], 1);
        return this;
    }

    /// <summary>A roster entry; <paramref name="ids"/> are platform ids such as <c>("terminal", "alice")</c>.</summary>
    public CohortBuilder Member(string name, string? email = null, params (string Platform, string Id)[] ids)
    {
        Roster.Add(new RosterEntry(name, email, ids.ToDictionary(i => i.Platform, i => i.Id, StringComparer.Ordinal), Roster.Count + 1));
        return this;
    }

    /// <summary>Roster entries known by the terminal users of the same names.</summary>
    public CohortBuilder TerminalMembers(params IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            Member(name, null, ("terminal", name));
        }

        return this;
    }

    public CohortDefinition Build() => new(Slug, Name, Zone, StartsAt, EndsAt, RegistrationOpen, Language, Certificates, [.. Weeks], [.. Events], [.. Roster])
    {
        Completion = Completion ?? CompletionRules.Default,
    };

    /// <summary>The cohort as the file an organizer would write (see config/cohort.yaml), read back by the host.</summary>
    public string ToYaml() => CohortYaml.Write(Build(), Completion);
}
