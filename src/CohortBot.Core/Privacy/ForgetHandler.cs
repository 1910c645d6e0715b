using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;
using CohortBot.Core.Roster;

namespace CohortBot.Core.Privacy;

/// <summary>
/// <c>/forget participant:&lt;who&gt; [confirm]</c>: an organizer forgets a participant (on their
/// request by e-mail, say). Confirmed with a button, like <c>/forget-me</c>, because it cannot be undone.
/// </summary>
public sealed class ForgetHandler(ParticipantFinder finder, IParticipantEraser eraser) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Forget;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var query = ctx.String("participant")!;
        var (participant, refusal) = await finder.FindOneAsync(ctx, query, ct);
        if (participant is null)
        {
            return refusal!;
        }

        if (!ctx.Flag("confirm"))
        {
            var who = "#" + participant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Reply(t["forget.confirm", new { name = participant.DisplayName, id = participant.Id }])
            {
                Tone = ReplyTone.Warning,
                Buttons = [new(t["button.forget", new { name = participant.DisplayName }], ButtonAction.Encode(Catalogue.Forget.Name, ("participant", who), ("confirm", "true")), ButtonStyle.Danger)],
            };
        }

        var outcome = await eraser.ForgetAsync(ctx.Cohort.Id, participant.Id, Actor.Of(ctx.Invocation.User), "organizer", ctx.Now, ct);
        return Reply.Success(t["forget.done", new { id = participant.Id, files = outcome.Files }]);
    }
}
