using System.Globalization;
using CohortBot.Core.Calendar;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Completion;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;
using CohortBot.Core.Progress;

namespace CohortBot.Core.Exports;

/// <summary>
/// Builds the CSV exports, for <c>/export</c> in chat and <c>cohortbot export</c> on the command
/// line alike. CSV times are ISO 8601 in the cohort's time zone with the offset; <c>calendar</c> is
/// the whole cohort as an <c>.ics</c> file.
/// </summary>
public sealed class CohortExporter(ICohortStore cohorts, ICompletionRecords records, IExportQueries queries, CompletionReport completion, CalendarBuilder calendar)
{
    public static readonly string[] Kinds = ["participants", "submissions", "rsvps", "completion", "calendar"];

    /// <summary>The file, or null when <paramref name="kind"/> is not one of <see cref="Kinds"/>.</summary>
    public async Task<ReplyFile?> ExportAsync(Cohort cohort, string kind, DateTimeOffset now, Texts t, CancellationToken ct)
    {
        if (kind == "calendar")
        {
            return await calendar.ForCohortAsync(cohort, now, t, ct);
        }

        byte[]? content = kind switch
        {
            "participants" => await ParticipantsAsync(cohort, now, ct),
            "submissions" => await SubmissionsAsync(cohort, ct),
            "rsvps" => await RsvpsAsync(cohort, ct),
            "completion" => CompletionReport.ToCsv(await completion.EvaluateAsync(cohort, now, ct), t),
            _ => null,
        };
        return content is null ? null : new ReplyFile($"{kind}-{cohort.Slug}.csv", "text/csv", content);
    }

    private async Task<byte[]> ParticipantsAsync(Cohort cohort, DateTimeOffset now, CancellationToken ct)
    {
        var weeks = await cohorts.WeeksAsync(cohort.Id, ct);
        var identities = await queries.IdentitiesAsync(cohort.Id, ct);
        var header = new[] { "participant_id", "name", "email" }.Concat(PlatformKeys.All).Append("status")
            .Concat(weeks.Select(w => "week_" + w.Number.ToString(CultureInfo.InvariantCulture))).ToList();
        var rows = (await records.LoadAsync(cohort.Id, ct)).Select(r =>
        {
            var ids = identities[r.Participant.Id].ToLookup(i => i.Platform, i => i.UserId);
            var row = new List<string?> { Id(r.Participant.Id), r.Participant.DisplayName, r.Participant.Email };
            row.AddRange(PlatformKeys.All.Select(p => string.Join(" ", ids[p])));
            row.Add(r.Participant.Status == ParticipantStatus.Dropped ? "dropped" : "active");
            row.AddRange(weeks.Select(w => WeekValue(OwnWeek.Of(w, r.Allowances), r, now)));
            return (IReadOnlyList<string?>)row;
        });
        return Csv.Write(header, rows);
    }

    private static string WeekValue(OwnWeek week, ParticipantRecord record, DateTimeOffset now) =>
        week.StatusOf(record.LatestWeekly.GetValueOrDefault(week.Week.Id), now) switch
        {
            WeekStatus.Upcoming => "upcoming",
            WeekStatus.Due => "due",
            WeekStatus.Submitted => "pending",
            WeekStatus.SubmittedLate => "pending_late",
            WeekStatus.Approved => "approved",
            WeekStatus.Rejected => "rejected",
            WeekStatus.Excused => "excused",
            _ => "missing",
        };

    private async Task<byte[]> SubmissionsAsync(Cohort cohort, CancellationToken ct)
    {
        string[] header = ["proof", "participant_id", "name", "email", "week", "certificate", "attempt", "submitted_at", "late", "url",
            "proof_file", "proof_content_type", "status", "review_reason", "reviewed_by", "reviewed_at"];
        var rows = (await queries.SubmissionsAsync(cohort.Id, ct)).Select(s => (IReadOnlyList<string?>)
        [
            s.Proof, Id(s.ParticipantId), s.Name, s.Email, s.Week?.ToString(CultureInfo.InvariantCulture), s.Certificate,
            s.Attempt.ToString(CultureInfo.InvariantCulture), Csv.Time(s.SubmittedAt, cohort.TimeZone), s.IsLate ? "yes" : "no", s.Url,
            s.ProofPath, s.ProofContentType, s.Status, s.ReviewReason, s.ReviewedBy, Csv.Time(s.ReviewedAt, cohort.TimeZone),
        ]);
        return Csv.Write(header, rows);
    }

    private async Task<byte[]> RsvpsAsync(Cohort cohort, CancellationToken ct)
    {
        string[] header = ["event", "title", "kind", "starts_at", "event_cancelled", "participant_id", "name", "email",
            "rsvp", "requested_at", "attended", "attendance_source", "attended_at"];
        var rows = (await queries.RsvpsAsync(cohort.Id, ct)).Select(r => (IReadOnlyList<string?>)
        [
            r.EventKey, r.EventTitle, r.Kind, Csv.Time(r.StartsAt, cohort.TimeZone), r.EventCancelled ? "yes" : "no",
            Id(r.ParticipantId), r.Name, r.Email, r.RsvpStatus, Csv.Time(r.RequestedAt, cohort.TimeZone),
            r.AttendedAt is null ? "no" : "yes", r.AttendanceSource, Csv.Time(r.AttendedAt, cohort.TimeZone),
        ]);
        return Csv.Write(header, rows);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
