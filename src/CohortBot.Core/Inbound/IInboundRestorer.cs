namespace CohortBot.Core.Inbound;

/// <summary>Rebuilds a platform's conversation from its inbox entry, to finish it after a restart or an overflow.</summary>
public interface IInboundRestorer
{
    string Platform { get; }

    /// <summary>The conversation, or null when the entry cannot be read any more (logged by the adapter).</summary>
    IInboundConversation? Restore(InboxEntry entry);
}
