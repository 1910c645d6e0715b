using CohortBot.Core.Commands;
using CohortBot.Core.Events;

namespace CohortBot.Core.Attendance;

/// <summary><c>/checkin code:&lt;code&gt;</c>: a participant at an event records their attendance.</summary>
public sealed class CheckinHandler(IAttendanceStore attendance, IEventStore events) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Checkin;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var code = CheckinCode.Normalize(ctx.String("code")!);
        var key = code.Length == CheckinCode.Length ? await attendance.EventKeyOfCodeAsync(ctx.Cohort.Id, code, ctx.Now, ct) : null;
        var cohortEvent = key is null ? null : await events.FindAsync(ctx.Cohort.Id, key, ct);
        if (cohortEvent is null || cohortEvent.Cancelled)
        {
            return Reply.Error(t["checkin.bad_code", new { code = ctx.String("code") }]);
        }

        var added = await attendance.MarkAsync(ctx.Cohort.Id, cohortEvent.Id, ctx.Participant.Id, "checkin", ctx.Now, null, ct);
        return added
            ? Reply.Success(t["checkin.done", new { title = cohortEvent.Title }])
            : new Reply(t["checkin.already", new { title = cohortEvent.Title }]);
    }
}
