using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Completion;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;
using CohortBot.Core.Roster;

namespace CohortBot.Core.Allowances;

/// <summary>
/// <c>/excuse participant:&lt;who&gt; week:&lt;n&gt; [reason]</c>: the week no longer counts against
/// them. At most <see cref="CompletionRules.MaxExcusedWeeks"/> per participant (the cohort file's
/// <c>completion.max_excused_weeks</c>): one more is refused, naming the limit, rather than
/// accepted and then counted as missed by the completion report.
/// </summary>
public sealed class ExcuseHandler(
    ParticipantFinder finder,
    ICohortStore cohorts,
    IAllowanceStore allowances,
    CompletionRules rules,
    INotifier notifier,
    CohortChanges changes) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Excuse;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var number = (int)ctx.Integer("week")!.Value;
        var weeks = await cohorts.WeeksAsync(ctx.Cohort.Id, ct);
        var week = weeks.FirstOrDefault(w => w.Number == number);
        if (week is null)
        {
            return Reply.Error(t["manage.unknown_week", new { week = number }]);
        }

        var (participant, refusal) = await finder.FindOneAsync(ctx, ctx.String("participant")!, ct);
        if (participant is null)
        {
            return refusal!;
        }

        var actor = Actor.Of(ctx.Invocation.User);
        var reason = ctx.String("reason");
        var entry = new AuditEntry(ctx.Cohort.Id, actor, "week.excuse", $"participant:{participant.Id}",
            AuditState.Json(new { week = number, excused = false }), AuditState.Json(new { week = number, excused = true, reason }), ctx.Now);
        switch (await allowances.ExcuseWeekAsync(ctx.Cohort.Id, participant.Id, week.Id, reason, actor, ctx.Now, rules.MaxExcusedWeeks, outcome => outcome == ExcuseOutcome.Excused ? entry : null, ct))
        {
            case ExcuseOutcome.AlreadyExcused:
                return new Reply(t["excuse.already", new { name = participant.DisplayName, week = number }]);
            case ExcuseOutcome.LimitReached when rules.MaxExcusedWeeks == 0:
                return Reply.Error(t["excuse.none_allowed", new { name = participant.DisplayName, week = number }]);
            case ExcuseOutcome.LimitReached:
                var excused = (await allowances.ForParticipantAsync(participant.Id, ct)).ExcusedWeekIds;
                var numbers = weeks.Where(w => excused.Contains(w.Id)).Select(w => w.Number).Order();
                return Reply.Error(t.Plural("excuse.limit", excused.Count, new { name = participant.DisplayName, count = excused.Count, weeks = string.Join(", ", numbers) }));
        }

        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.ParticipantChanged, participant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        await notifier.NotifyParticipantAsync(ctx.Cohort, participant.Id, tx => new Reply(tx["excuse.dm", new { week = number }]), ct);
        return Reply.Success(t["excuse.done", new { name = participant.DisplayName, week = number }]);
    }
}
