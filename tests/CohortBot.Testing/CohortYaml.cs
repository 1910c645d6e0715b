using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Events;

namespace CohortBot.Testing;

/// <summary>
/// Writes a <see cref="CohortDefinition"/> as a cohort file, in the layout of config/cohort.yaml:
/// wall-clock times in the cohort's zone, durations in minutes, optional keys only when set, and
/// a completion section only when <c>completion</c> is given (without one the file's defaults apply).
/// </summary>
public static partial class CohortYaml
{
    public static string Write(CohortDefinition cohort, CompletionRules? completion = null)
    {
        var yaml = new StringBuilder();
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, cohort.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        void Line(int indent, string key, object? value)
        {
            if (value is not null)
            {
                yaml.Append(' ', indent).Append(key).Append(':').Append(' ').AppendLine(Scalar(value));
            }
        }

        yaml.AppendLine("cohort:");
        Line(2, "id", cohort.Slug);
        Line(2, "name", cohort.Name);
        Line(2, "time_zone", cohort.TimeZone.Id);
        Line(2, "starts", Local(cohort.StartsAt));
        Line(2, "ends", Local(cohort.EndsAt));
        Line(2, "language", cohort.Language == "en" ? null : cohort.Language);
        Line(2, "registration", cohort.RegistrationOpen ? "open" : "closed");

        yaml.AppendLine(cohort.Weeks.Count == 0 ? "weeks: []" : "weeks:");
        foreach (var week in cohort.Weeks)
        {
            Line(2, "- number", week.Number);
            Line(4, "title", week.Title);
            Line(4, "course", week.CourseRange);
            Line(4, "opens", Local(week.OpensAt));
            Line(4, "deadline", Local(week.DueAt));
            Line(4, "closes", week.ClosesAt is { } closes ? Local(closes) : null);
        }

        if (cohort.Certificates is { } certificates)
        {
            yaml.AppendLine("certificates:");
            Line(2, "deadline", Local(certificates.Deadline));
            yaml.AppendLine("  allowed:");
            foreach (var certificate in certificates.Allowed)
            {
                Line(4, "- id", certificate.Key);
                Line(6, "name", certificate.Name);
            }
        }

        if (completion is not null)
        {
            yaml.AppendLine("completion:");
            Line(2, "max_excused_weeks", completion.MaxExcusedWeeks);
            Line(2, "max_missed_weeks", completion.MaxMissedWeeks);
            Line(2, "late_proofs_count", completion.LateProofsCount);
            Line(2, "min_events_attended", completion.MinEventsAttended);
            Line(2, "certificate", completion.CertificateRequired ? "required" : "optional");
        }

        if (cohort.Events.Count > 0)
        {
            yaml.AppendLine("events:");
        }

        foreach (var e in cohort.Events)
        {
            Line(2, "- id", e.Key);
            Line(4, "kind", e.Kind.Key());
            Line(4, "title", e.Title);
            Line(4, "company", e.Company);
            Line(4, "topic", e.Topic);
            if (e.Speakers.Count > 0)
            {
                yaml.AppendLine("    speakers:");
                foreach (var speaker in e.Speakers)
                {
                    Line(6, "- name", speaker.Name);
                    Line(8, "role", speaker.Role);
                }
            }

            Line(4, "starts", Local(e.StartsAt));
            Line(4, "duration", ((int)(e.EndsAt - e.StartsAt).TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m");
            Line(4, "capacity", e.Capacity);
            Line(4, "join_url", e.JoinUrl);
            Line(4, "cancelled", e.Cancelled ? true : null);
        }

        if (cohort.Roster.Count > 0)
        {
            yaml.AppendLine("roster:");
        }

        foreach (var member in cohort.Roster)
        {
            Line(2, "- name", member.Name);
            Line(4, "email", member.Email);
            foreach (var (platform, id) in member.PlatformIds)
            {
                Line(4, platform, id);
            }
        }

        return yaml.ToString();
    }

    /// <summary>Plain when YAML reads it back as the same string, else double-quoted (JSON escapes are YAML's too).</summary>
    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int n => n.ToString(CultureInfo.InvariantCulture),
        string s when Plain().IsMatch(s) && !s.Contains(": ", StringComparison.Ordinal) && !s.Contains(" #", StringComparison.Ordinal) && !Reserved(s) => s,
        _ => JsonSerializer.Serialize(value.ToString(), JsonSerializerOptions.Default),
    };

    private static bool Reserved(string s) =>
        s is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[\p{L}\p{N}(][^\r\n\t""'`{}\[\]]*(?<! )$")]
    private static partial Regex Plain();
}
