using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CohortBot.Storage.Proofs;

/// <summary>
/// Proof images in a content-addressed folder: <c>ab/abcdef…</c> by SHA-256. An incoming image is
/// written under <c>.incoming/</c> (same folder, so moving it is a rename), sealed there under its
/// hash, and moved into place only after its row commits (<see cref="ProofStaging"/>), so a crash
/// never leaves half an image under a real name, and <see cref="ProofRecovery"/> settles the rest.
/// </summary>
public sealed class FileSystemProofStore(IOptions<StorageOptions> options, ILogger<FileSystemProofStore>? logger = null) : IProofFileStore
{
    internal const string IncomingFolder = ".incoming";

    private readonly ILogger _logger = logger ?? NullLogger<FileSystemProofStore>.Instance;

    public string Root { get; } = Path.GetFullPath(options.Value.ProofDirectory);

    internal string Incoming => Path.Combine(Root, IncomingFolder);

    public IProofStaging Stage()
    {
        Directory.CreateDirectory(Incoming);
        return new ProofStaging(this, _logger);
    }

    public Stream? Open(string sha256) =>
        IsHash(sha256) && File.Exists(PathOf(sha256)) ? File.OpenRead(PathOf(sha256)) : null;

    public bool Delete(string sha256)
    {
        if (!IsHash(sha256) || !File.Exists(PathOf(sha256)))
        {
            return false;
        }

        File.Delete(PathOf(sha256));
        return true;
    }

    /// <summary>Where a stored image lives under the proof folder, as exports refer to it.</summary>
    internal static string RelativePath(string sha) => $"{sha[..2]}/{sha}";

    internal static bool IsHash(string sha256) => sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower);

    internal string PathOf(string sha) => Path.Combine(Root, sha[..2], sha);
}
