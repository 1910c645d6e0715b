namespace CohortBot.Storage.Backups;

/// <summary>What a backup holds, written into it and checked on restore: the database's checksum, each table's rows, each proof file.</summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    string DatabaseSha256,
    long DatabaseBytes,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<string> Proofs,
    IReadOnlyList<string> MissingProofs)
{
    public const int CurrentFormat = 1;

    public const string EntryName = "manifest.json";

    public const string DatabaseEntry = "cohortbot.db";

    public const string ProofPrefix = "proofs/";
}
