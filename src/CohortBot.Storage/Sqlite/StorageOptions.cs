using System.ComponentModel.DataAnnotations;

namespace CohortBot.Storage.Sqlite;

/// <summary>Where data lives (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (the default: one local file) or <c>postgres</c> (several instances on one server).</summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>The PostgreSQL connection string (Npgsql's keywords); only for <c>Provider = postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite database file (the sqlite provider); relative paths are under the current directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabasePath is required: the path of the SQLite database file, e.g. data/cohortbot.db.")]
    public string DatabasePath { get; set; } = "data/cohortbot.db";

    /// <summary>Folder for the bot's own copies of proof images, content-addressed by SHA-256.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:ProofDirectory is required: a folder for proof images, e.g. data/proofs.")]
    public string ProofDirectory { get; set; } = "data/proofs";

    /// <summary>How long a writer waits for another writer's lock before giving up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Storage:BusyTimeout must be between 00:00:00.100 and 00:05:00.")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Optional cap on the database file (applied as SQLite's <c>max_page_count</c>): past it, writes
    /// are refused as "storage full" and reads go on, instead of the bot filling the disk it shares.
    /// </summary>
    [Range(65536L, long.MaxValue, ErrorMessage = "Storage:MaxDatabaseBytes must be at least 65536 bytes, or left out for no limit.")]
    public long? MaxDatabaseBytes { get; set; }

    /// <summary>SQLite's default page size, which the bot never changes.</summary>
    internal const int PageSize = 4096;
}
