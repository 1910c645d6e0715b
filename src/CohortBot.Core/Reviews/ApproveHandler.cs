using CohortBot.Core.Commands;

namespace CohortBot.Core.Reviews;

/// <summary><c>/approve proof:&lt;w12|c5&gt; [week]</c>: approves a proof (the Approve button) and shows the next one.</summary>
public sealed class ApproveHandler(ReviewDesk desk) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Approve;

    public bool NeedsParticipant => false;

    public Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct) => desk.DecideAsync(ctx, approve: true, reason: null, ct);
}
