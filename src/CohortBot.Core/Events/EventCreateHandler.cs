using System.Text.RegularExpressions;
using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;

namespace CohortBot.Core.Events;

/// <summary>
/// <c>/event-create id kind title starts [duration] [company] [topic] [speakers] [capacity] [join_url]</c>:
/// a new event owned by chat (the cohort file sync leaves it alone).
/// </summary>
public sealed partial class EventCreateHandler(IEventAdmin admin, CohortChanges changes) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.EventCreate;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var key = ctx.String("id")!.Trim().ToLowerInvariant();
        if (!Slug().IsMatch(key))
        {
            return Reply.Error(t["event.bad_id", new { id = key }]);
        }

        var blank = new EventDraft(EventKind.TechTalk, "", null, null, [], ctx.Now, ctx.Now.AddHours(1), null, null);
        var (draft, error, args) = EventDraftReader.Apply(blank, ctx);
        if (draft is null)
        {
            return Reply.Error(t[error!, args]);
        }

        if (draft.StartsAt <= ctx.Now)
        {
            return Reply.Error(t["event.in_past"]);
        }

        if (!await admin.CreateAsync(ctx.Cohort.Id, key, draft, ctx.Now, created => created
                ? new AuditEntry(ctx.Cohort.Id, Actor.Of(ctx.Invocation.User), "event.create", key, null, AuditState.Json(draft), ctx.Now)
                : null, ct))
        {
            return Reply.Error(t["event.exists", new { id = key }]);
        }

        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.EventChanged, key), ct);
        return Reply.Success(t["event.created", new { id = key, title = draft.Title, starts = draft.StartsAt }]);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}
