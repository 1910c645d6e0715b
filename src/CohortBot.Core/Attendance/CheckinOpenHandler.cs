using CohortBot.Core.Audit;
using CohortBot.Core.Commands;
using CohortBot.Core.Events;
using CohortBot.Core.Organizers;

namespace CohortBot.Core.Attendance;

/// <summary>
/// <c>/checkin-open event:&lt;id&gt; [minutes]</c>: shows a short code that participants type with
/// <c>/checkin</c> until it expires. A separate command from <c>/checkin</c> because platforms can
/// restrict whole commands to organizers, not single options.
/// </summary>
public sealed class CheckinOpenHandler(IAttendanceStore attendance, IEventStore events) : ICommandHandler
{
    public const int DefaultMinutes = 15;

    public CommandDescriptor Command => Catalogue.CheckinOpen;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var key = ctx.String("event")!;
        var cohortEvent = await events.FindAsync(ctx.Cohort.Id, key, ct);
        if (cohortEvent is null || cohortEvent.Cancelled)
        {
            return Reply.Error(t[cohortEvent is null ? "attendance.unknown_event" : "attendance.cancelled_event", new { id = key }]);
        }

        var expires = ctx.Now.AddMinutes(ctx.Integer("minutes") ?? DefaultMinutes);
        var actor = Actor.Of(ctx.Invocation.User);
        string code;
        do
        {
            code = CheckinCode.New();
        }
        while (!await attendance.OpenCheckinAsync(ctx.Cohort.Id, cohortEvent.Id, code, actor, ctx.Now, expires, opened => opened
            ? new AuditEntry(ctx.Cohort.Id, actor, "checkin.open", cohortEvent.Key, null, AuditState.Json(new { code, expires_at = expires }), ctx.Now)
            : null, ct));

        return Reply.Success(t["checkin.opened", new { title = cohortEvent.Title, code, until = expires }]) with { Ephemeral = false };
    }
}
