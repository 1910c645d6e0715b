using CohortBot.Core.Commands;

namespace CohortBot.Core.Digests;

/// <summary><c>/digest</c> (organizers): the organizer digest now, posted to this platform's organizers' channel.</summary>
public sealed class DigestHandler(OrganizerDigest digest) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Digest;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var platform = ctx.Invocation.User.Platform;
        return await digest.PostNowAsync(ctx.Cohort, platform, ct)
            ? Reply.Success(ctx.T["digest.posted"])
            : Reply.Error(ctx.T["digest.no_channel", new { platform }]);
    }
}
