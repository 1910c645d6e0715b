using System.Security.Cryptography;
using CohortBot.Storage.Proofs;
using CohortBot.Storage.Sqlite;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>
/// Proof files are referenced, not copied: rows hold only an image's SHA-256, and the file lives
/// under <c>Storage:ProofDirectory</c>, which on several instances is a shared volume. So moving
/// the files is moving (or mounting) that folder; what migrate-store does is check that the folder
/// the new deployment will use has every file the copied rows refer to, each matching its hash.
/// </summary>
internal static class ProofFolderCheck
{
    /// <summary>The referenced files that are missing or whose content does not match their name.</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(string proofDirectory, IEnumerable<string> referenced, CancellationToken ct)
    {
        var store = new FileSystemProofStore(MsOptions.Create(new StorageOptions { ProofDirectory = proofDirectory }));
        var missing = new List<string>();
        foreach (var sha in referenced)
        {
            await using var file = store.Open(sha);
            if (file is null || Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct)) != sha)
            {
                missing.Add(sha);
            }
        }

        return missing;
    }
}
