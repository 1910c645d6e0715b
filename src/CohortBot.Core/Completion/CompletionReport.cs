using System.Globalization;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Exports;
using CohortBot.Core.Messages;

namespace CohortBot.Core.Completion;

/// <summary>Evaluates every participant of a cohort, for <c>/report completion</c> and the completion export.</summary>
public sealed class CompletionReport(ICohortStore cohorts, IEventStore events, ICompletionRecords records, CompletionRules rules)
{
    public static readonly string[] Header =
        ["participant_id", "name", "email", "status", "weeks_approved", "weeks_excused", "weeks_missed", "certificate_approved", "events_attended", "reasons"];

    /// <summary>Failed first, then at risk, then completed; by name within each.</summary>
    public async Task<IReadOnlyList<CompletionResult>> EvaluateAsync(Cohort cohort, DateTimeOffset now, CancellationToken ct)
    {
        var weeks = await cohorts.WeeksAsync(cohort.Id, ct);
        var ahead = (await events.UpcomingAsync(cohort.Id, now, null, ct)).Count;
        var evaluator = new CompletionEvaluator(rules, cohort, weeks, ahead, now);
        return (await records.LoadAsync(cohort.Id, ct))
            .Select(evaluator.Evaluate)
            .OrderByDescending(r => r.Status)
            .ThenBy(r => r.Participant.DisplayName, StringComparer.Ordinal)
            .ThenBy(r => r.Participant.Id)
            .ToList();
    }

    public static string StatusKey(CompletionStatus status) => status switch
    {
        CompletionStatus.Completed => "completed",
        CompletionStatus.AtRisk => "at_risk",
        _ => "failed",
    };

    public static string Reasons(CompletionResult result, Texts t) =>
        string.Join("; ", result.Reasons.Select(r => t[r.Key, r.Args]));

    public static byte[] ToCsv(IReadOnlyList<CompletionResult> results, Texts t) =>
        Csv.Write(Header, results.Select(r => (IReadOnlyList<string?>)
        [
            r.Participant.Id.ToString(CultureInfo.InvariantCulture),
            r.Participant.DisplayName,
            r.Participant.Email,
            StatusKey(r.Status),
            r.WeeksApproved.ToString(CultureInfo.InvariantCulture),
            r.WeeksExcused.ToString(CultureInfo.InvariantCulture),
            r.WeeksMissed.ToString(CultureInfo.InvariantCulture),
            r.CertificateDone ? "yes" : "no",
            r.EventsAttended.ToString(CultureInfo.InvariantCulture),
            Reasons(r, t),
        ]));
}
