namespace CohortBot.Core.Submissions;

/// <summary>
/// One incoming proof image on its way into the store: written to a temporary file in the proof
/// folder, sealed under its hash, and moved into place only after the row that refers to it has
/// committed (<see cref="KeepAsync"/>). Disposing without keeping deletes it, so a refused or failed
/// command leaves nothing behind; a crash between the commit and the move is finished at start-up.
/// </summary>
public interface IProofStaging : IAsyncDisposable
{
    /// <summary>The temporary file: written by the intake, readable and seekable.</summary>
    Stream Content { get; }

    /// <summary>Makes the written bytes durable under the hash's name, still outside the store.</summary>
    Task SealAsync(string sha256, CancellationToken ct);

    /// <summary>Moves the sealed file into the store. Call after the row that names it has committed.</summary>
    Task KeepAsync(CancellationToken ct);
}
