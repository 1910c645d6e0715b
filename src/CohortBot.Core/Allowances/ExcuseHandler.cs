using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;
using CohortBot.Core.Roster;

namespace CohortBot.Core.Allowances;

/// <summary><c>/excuse participant:&lt;who&gt; week:&lt;n&gt; [reason]</c>: the week no longer counts against them (up to the cohort's limit).</summary>
public sealed class ExcuseHandler(ParticipantFinder finder, ICohortStore cohorts, IAllowanceStore allowances, IAuditLog audit, INotifier notifier, CohortChanges changes) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Excuse;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var number = (int)ctx.Integer("week")!.Value;
        var week = (await cohorts.WeeksAsync(ctx.Cohort.Id, ct)).FirstOrDefault(w => w.Number == number);
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
        if (!await allowances.ExcuseWeekAsync(ctx.Cohort.Id, participant.Id, week.Id, reason, actor, ctx.Now, ct))
        {
            return new Reply(t["excuse.already", new { name = participant.DisplayName, week = number }]);
        }

        await audit.RecordAsync(new AuditEntry(ctx.Cohort.Id, actor, "week.excuse", $"participant:{participant.Id}",
            AuditState.Json(new { week = number, excused = false }), AuditState.Json(new { week = number, excused = true, reason }), ctx.Now), ct);
        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.ParticipantChanged, participant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        await notifier.NotifyParticipantAsync(participant.Id, tx => new Reply(tx["excuse.dm", new { week = number }]), ct);
        return Reply.Success(t["excuse.done", new { name = participant.DisplayName, week = number }]);
    }
}
