namespace CohortBot.Core.Commands;

/// <summary>One class per catalogue command. Expected outcomes (wrong week, full event) are replies, not exceptions.</summary>
public interface ICommandHandler
{
    CommandDescriptor Command { get; }

    /// <summary>False for commands anyone may run before registering (help).</summary>
    bool NeedsParticipant => true;

    Task<Reply> HandleAsync(CommandContext context, CancellationToken ct);
}
