using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Privacy;

/// <summary>
/// <c>/forget-me [confirm]</c>: a participant asks the bot to forget them. Without <c>confirm</c> it
/// explains what goes and what stays and offers the button; with it, it forgets. Someone the bot
/// does not know is told so, and is not registered on the way.
/// </summary>
public sealed class ForgetMeHandler(IParticipantStore participants, IParticipantEraser eraser) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.ForgetMe;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var user = ctx.Invocation.User;
        var me = await participants.FindByIdentityAsync(ctx.Cohort.Id, user.Platform, user.UserId, ct);
        if (me is null)
        {
            return new Reply(t["forget.me.unknown"]);
        }

        if (!ctx.Flag("confirm"))
        {
            return new Reply(t["forget.me.confirm"])
            {
                Tone = ReplyTone.Warning,
                Buttons = [new(t["button.forget_me"], ButtonAction.Encode(Catalogue.ForgetMe.Name, ("confirm", "true")), ButtonStyle.Danger)],
            };
        }

        var outcome = await eraser.ForgetAsync(ctx.Cohort.Id, me.Id, Actor.Of(user), "self", ctx.Now, ct);
        return Reply.Success(t["forget.me.done", new { files = outcome.Files }]);
    }
}
