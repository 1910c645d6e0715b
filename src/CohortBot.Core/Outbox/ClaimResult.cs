namespace CohortBot.Core.Outbox;

/// <summary>What a claim on a delivery key found.</summary>
public enum ClaimStatus
{
    /// <summary>Ours now: new, or left unconfirmed by an earlier process, or deferred and due.</summary>
    Claimed,

    /// <summary>Sent and confirmed before: never send again.</summary>
    AlreadyConfirmed,

    /// <summary>Another job of this process holds it right now.</summary>
    Busy,

    /// <summary>Waiting for quiet hours to end.</summary>
    Deferred,

    /// <summary>Given up (past the grace window): final.</summary>
    Dropped,
}

/// <summary>The outcome of a claim; <see cref="Id"/> is the ledger row to confirm when claimed.</summary>
public sealed record ClaimResult(ClaimStatus Status, long Id, int Attempts);
