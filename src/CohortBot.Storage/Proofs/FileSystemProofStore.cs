using System.Security.Cryptography;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace CohortBot.Storage.Proofs;

/// <summary>
/// Proof images in a content-addressed folder: <c>ab/abcdef….png</c> by SHA-256. Written to a
/// temporary file and moved into place, so a crash never leaves half an image under a real name.
/// </summary>
public sealed class FileSystemProofStore(IOptions<StorageOptions> options) : IProofFileStore
{
    private readonly string _root = Path.GetFullPath(options.Value.ProofDirectory);

    public async Task<ProofFile> SaveAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(sha);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp); // the same bytes arrived twice at once; one copy is enough
            }
        }

        return new ProofFile(sha, contentType, content.Length);
    }

    public Stream? Open(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>Where a stored image lives under the proof folder, as exports refer to it.</summary>
    internal static string RelativePath(string sha) => $"{sha[..2]}/{sha}";

    private string PathOf(string sha) => Path.Combine(_root, sha[..2], sha);
}
