namespace CohortBot.Core.Submissions;

/// <summary>
/// Keeps the bot's own copy of proof images (chat CDN links expire). Content-addressed: the same
/// bytes are stored once, whoever sends them.
/// </summary>
public interface IProofFileStore
{
    /// <summary>A new temporary file for one incoming image (see <see cref="IProofStaging"/>).</summary>
    IProofStaging Stage();

    /// <summary>Opens a stored file, or null when it is missing.</summary>
    Stream? Open(string sha256);

    /// <summary>Deletes a stored file (a forgotten participant's); false when it was not there.</summary>
    bool Delete(string sha256);
}
