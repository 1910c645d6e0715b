using System.Globalization;
using System.Text;

namespace CohortBot.Scheduling.Tests;

/// <summary>Writes a cohort file (Asia/Seoul) with the weeks, events and roster a test needs.</summary>
public sealed class TestCohort
{
    public static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public List<(int Number, DateTime OpensLocal, DateTime DueLocal)> Weeks { get; } = [];

    public List<(string Id, string Kind, DateTime StartsLocal)> Events { get; } = [];

    public List<string> Roster { get; } = [];

    public DateTime? CertificateDeadlineLocal { get; set; }

    /// <summary>The cohort file's <c>completion.max_excused_weeks</c>; no completion section when null.</summary>
    public int? MaxExcusedWeeks { get; set; }

    public static DateTimeOffset Instant(DateTime seoulLocal) => new DateTimeOffset(seoulLocal, Seoul.GetUtcOffset(seoulLocal)).ToUniversalTime();

    public string ToYaml()
    {
        var sb = new StringBuilder();
        sb.AppendLine("cohort:\n  id: test-cohort\n  name: Test Cohort\n  time_zone: Asia/Seoul\n  starts: 2026-09-01\n  ends: 2027-02-28\n  language: en\n  registration: open");
        sb.AppendLine(Weeks.Count == 0 ? "weeks: []" : "weeks:");
        foreach (var w in Weeks)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - number: {w.Number}\n    title: Week {w.Number} title\n    opens: {w.OpensLocal:yyyy-MM-dd HH:mm}\n    deadline: {w.DueLocal:yyyy-MM-dd HH:mm}");
        }

        if (CertificateDeadlineLocal is { } cert)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"certificates:\n  deadline: {cert:yyyy-MM-dd HH:mm}\n  allowed:\n    - id: tf-developer\n      name: TensorFlow Developer Certificate");
        }

        if (MaxExcusedWeeks is { } excused)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"completion:\n  max_excused_weeks: {excused}");
        }

        sb.AppendLine(Events.Count == 0 ? "events: []" : "events:");
        foreach (var e in Events)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - id: {e.Id}\n    kind: {e.Kind}\n    title: Talk {e.Id}\n    company: Hyperconnect\n    topic: On-device ML\n    speakers:\n      - name: Kim Seoyeon\n        role: ML Engineer\n    starts: {e.StartsLocal:yyyy-MM-dd HH:mm}\n    duration: 60m\n    join_url: https://meet.example.com/{e.Id}");
        }

        sb.AppendLine(Roster.Count == 0 ? "roster: []" : "roster:");
        foreach (var name in Roster)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - name: {name}\n    terminal: {name}");
        }

        return sb.ToString();
    }
}
