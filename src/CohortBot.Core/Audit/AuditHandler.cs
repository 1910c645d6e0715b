using CohortBot.Core.Commands;
using CohortBot.Core.Time;

namespace CohortBot.Core.Audit;

/// <summary><c>/audit [limit]</c>: the latest organizer actions, newest first.</summary>
public sealed class AuditHandler(IAuditLog log) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Audit;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var entries = await log.RecentAsync(ctx.Cohort.Id, (int)(ctx.Integer("limit") ?? 10), ct);
        if (entries.Count == 0)
        {
            return new Reply(t["audit.none"]) { Title = t["audit.title"] };
        }

        var fields = entries.Select(e => new ReplyField(
            t["audit.heading", new { at = TimeMarkup.Token(e.At), actor = e.Actor, action = e.Action, subject = e.Subject }],
            t["audit.change", new { before = e.Before ?? "-", after = e.After ?? "-" }])).ToList();
        return new Reply(t.Plural("audit.count", entries.Count)) { Title = t["audit.title"], Fields = fields };
    }
}
