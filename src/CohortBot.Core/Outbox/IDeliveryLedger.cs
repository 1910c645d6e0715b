namespace CohortBot.Core.Outbox;

/// <summary>
/// The outbox: one row per scheduled message and recipient, claimed, then marked sending, then
/// confirmed. Claims carry the id of the process that made them, so a claim left by a crashed
/// process is recognised and taken over, while one held by a running job is left alone.
/// </summary>
public interface IDeliveryLedger
{
    Task<ClaimResult> ClaimAsync(long cohortId, DeliveryKey key, DateTimeOffset dueAt, string runId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Recorded just before the platform is called: from here a crash may leave a duplicate.</summary>
    Task MarkSendingAsync(long id, DateTimeOffset now, CancellationToken ct);

    Task ConfirmAsync(long id, DateTimeOffset now, CancellationToken ct);

    /// <summary>The send failed: the claim is released so a later sweep can retry it.</summary>
    Task ReleaseAsync(long id, string error, DateTimeOffset now, CancellationToken ct);

    /// <summary>Parks the row until <paramref name="notBefore"/> (quiet hours); creates it when missing.</summary>
    Task DeferAsync(long cohortId, DeliveryKey key, DateTimeOffset dueAt, DateTimeOffset notBefore, DateTimeOffset now, CancellationToken ct);

    /// <summary>Marks the key as given up, creating the row when missing; a confirmed row stays confirmed.</summary>
    Task DropAsync(long cohortId, DeliveryKey key, DateTimeOffset dueAt, string reason, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Rows to retry: deferred ones now due, and claims not confirmed and not held by
    /// <paramref name="runId"/> (left by a crash, or released after a failed send).
    /// </summary>
    /// <remarks>Ordered by id and paged after <paramref name="afterId"/>, so one sweep passes over each row once.</remarks>
    Task<IReadOnlyList<PendingDelivery>> PendingAsync(string runId, DateTimeOffset now, long afterId, int limit, CancellationToken ct);

    /// <summary>Fan-out jobs (recipient <c>*</c>) of a cohort that are confirmed or dropped.</summary>
    Task<IReadOnlySet<DeliveryKey>> SettledJobsAsync(long cohortId, CancellationToken ct);
}

/// <summary>A ledger row waiting for a retry; <see cref="NotBefore"/> is set for deliveries deferred by quiet hours.</summary>
public sealed record PendingDelivery(long Id, long CohortId, DeliveryKey Key, DateTimeOffset DueAt, DateTimeOffset? NotBefore, int Attempts)
{
    /// <summary>The moment lateness is measured from: a deferred delivery is on time at the end of the quiet hours.</summary>
    public DateTimeOffset OnTimeAt => NotBefore is { } notBefore && notBefore > DueAt ? notBefore : DueAt;
}
