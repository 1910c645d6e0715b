using System.Security.Cryptography;
using CohortBot.Storage.Sqlite;

namespace CohortBot.Host.CohortFile;

/// <summary>
/// What the cohort file was when it was last synced: its bytes and the schema it was synced into.
/// An unchanged file need not be synced again at start-up (with a large roster that is most of
/// the start-up time); any edit, or a new migration, syncs it.
/// </summary>
public sealed record CohortFileFingerprint(string Value)
{
    public const string StateScope = "host";

    public static string StateKey(string slug) => "cohort-file:" + slug;

    public static CohortFileFingerprint Of(string path) =>
        new(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) + "@" + Migrator.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
