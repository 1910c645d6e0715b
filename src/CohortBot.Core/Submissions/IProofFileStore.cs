namespace CohortBot.Core.Submissions;

/// <summary>
/// Keeps the bot's own copy of proof images (chat CDN links expire). Content-addressed: the same
/// bytes are stored once, whoever sends them.
/// </summary>
public interface IProofFileStore
{
    Task<ProofFile> SaveAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken ct);

    /// <summary>Opens a stored file, or null when it is missing.</summary>
    Stream? Open(string sha256);
}
