using CohortBot.Core.Commands;

namespace CohortBot.Core.Inbound;

/// <summary>
/// A platform's side of one delivery: how to run it and the ways to answer it. The
/// <see cref="InboundRuntime"/> decides which way and when; an adapter keeps only what its protocol
/// makes different (Discord's callback types, Slack's acknowledgement payloads and response_url).
/// </summary>
public interface IInboundConversation
{
    InboxKey Key { get; }

    /// <summary>When the bot received it (from the clock, at the frame); every window starts here.</summary>
    DateTimeOffset ReceivedAt { get; }

    /// <summary>The latest moment to start acknowledging without an answer, so the acknowledgement is never late.</summary>
    DateTimeOffset DeferAt { get; }

    /// <summary>
    /// The last moment an acknowledgement still reaches the platform in its window. A deferral waits
    /// for the inbox row until then at most: when storage is stuck, an answer kept in memory beats none.
    /// </summary>
    DateTimeOffset AckBy { get; }

    /// <summary>After this only a direct message reaches the user (Discord's token, Slack's response_url have expired).</summary>
    DateTimeOffset AnswerBy { get; }

    /// <summary>Locale the platform reported, for texts the runtime writes itself.</summary>
    string? Locale { get; }

    /// <summary>
    /// What the inbox keeps so the delivery can be finished after a restart, or null for deliveries
    /// with nothing worth finishing later (autocomplete suggestions, pings).
    /// </summary>
    InboxEntry? Entry { get; }

    /// <summary>
    /// True when rebuilt from the inbox (after a restart, or taken from the overflow): it was
    /// acknowledged before, so only a late answer or a direct message can reach the user.
    /// </summary>
    bool Restored { get; }

    /// <summary>Runs the delivery (maps it, fetches files, runs the command). Null: nothing to answer (e.g. a form was opened).</summary>
    Task<Reply?> RunAsync(CancellationToken ct);

    /// <summary>Answers as the acknowledgement itself, inside the window.</summary>
    Task AnswerNowAsync(Reply? reply, CancellationToken ct);

    /// <summary>Acknowledges without an answer (Discord's deferred response, Slack's empty ack).</summary>
    Task DeferAsync(CancellationToken ct);

    /// <summary>Answers after <see cref="DeferAsync"/>, before <see cref="AnswerBy"/>.</summary>
    Task AnswerLaterAsync(Reply? reply, CancellationToken ct);

    /// <summary>Answers by direct message, when the other ways have expired or failed.</summary>
    Task AnswerDirectlyAsync(Reply reply, CancellationToken ct);

    /// <summary>Acknowledges a repeat of a delivery already taken (Slack must hear back; Discord need not).</summary>
    Task AcknowledgeRepeatAsync(CancellationToken ct);
}
