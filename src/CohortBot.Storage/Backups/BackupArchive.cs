using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CohortBot.Storage.Proofs;
using CohortBot.Storage.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CohortBot.Storage.Backups;

/// <summary>
/// One backup file (a zip): a consistent copy of the database made with <c>VACUUM INTO</c>, which
/// reads one snapshot while the bot goes on writing (WAL), the proof files its rows refer to, and
/// a manifest of counts and checksums. Restoring checks all of them before replacing anything.
/// </summary>
public sealed class BackupArchive(SqliteConnectionFactory connections, FileSystemProofStore proofs, TimeProvider clock)
{
    private const string ReferencedProofs = """
        SELECT file_sha256 FROM submissions WHERE file_sha256 IS NOT NULL
        UNION SELECT file_sha256 FROM certificate_submissions WHERE file_sha256 IS NOT NULL
        ORDER BY 1
        """;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<BackupManifest> BackupAsync(string output, CancellationToken ct)
    {
        output = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var snapshot = output + ".db.tmp";
        var partial = output + ".tmp";
        File.Delete(snapshot);
        try
        {
            await using (var db = await connections.OpenAsync(ct))
            {
                await db.ExecuteAsync(new CommandDefinition("VACUUM INTO @snapshot", new { snapshot }, cancellationToken: ct));
            }

            var (tables, shas) = await DescribeAsync(snapshot, ct);
            var kept = new List<string>();
            var missing = new List<string>();
            BackupManifest manifest;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                var (dbSha, dbBytes) = await AddAsync(zip, BackupManifest.DatabaseEntry, snapshot, ct);
                foreach (var sha in shas)
                {
                    // A file whose row committed may still be staged (moved into place right after the commit).
                    var source = File.Exists(proofs.PathOf(sha)) ? proofs.PathOf(sha) : Staged(sha);
                    if (source is null || (await AddAsync(zip, BackupManifest.ProofPrefix + FileSystemProofStore.RelativePath(sha), source, ct)).Sha != sha)
                    {
                        missing.Add(sha);
                        continue;
                    }

                    kept.Add(sha);
                }

                manifest = new BackupManifest(BackupManifest.CurrentFormat, clock.GetUtcNow(), dbSha, dbBytes, tables, kept, missing);
                await using var entry = zip.CreateEntry(BackupManifest.EntryName).Open();
                await JsonSerializer.SerializeAsync(entry, manifest, Json, ct);
            }

            File.Move(partial, output, overwrite: true);
            return manifest;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(snapshot);
            File.Delete(partial);
        }
    }

    /// <summary>Checks a backup whole and replaces the database and adds its proof files; the old database is kept aside.</summary>
    public static async Task<(BackupManifest Manifest, string? SetAside)> RestoreAsync(string input, string databasePath, string proofDirectory, DateTimeOffset now, CancellationToken ct)
    {
        databasePath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var incoming = databasePath + ".restore.tmp";
        using var zip = ZipFile.OpenRead(input);
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(Entry(zip, BackupManifest.EntryName).Open(), Json, ct)
            ?? throw new InvalidDataException("The backup's manifest is empty.");
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new InvalidDataException($"The backup is in format {manifest.Format}; this build reads format {BackupManifest.CurrentFormat}.");
        }

        try
        {
            var (dbSha, _) = await ExtractAsync(Entry(zip, BackupManifest.DatabaseEntry), incoming, ct);
            Check(dbSha == manifest.DatabaseSha256, "the database's checksum does not match the manifest");
            var (tables, _) = await DescribeAsync(incoming, ct);
            Check(tables.Count == manifest.Tables.Count && tables.All(t => manifest.Tables.TryGetValue(t.Key, out var n) && n == t.Value), "the database's row counts do not match the manifest");
            foreach (var sha in manifest.Proofs)
            {
                var target = Path.Combine(Path.GetFullPath(proofDirectory), sha[..2], sha);
                var (fileSha, _) = await ExtractAsync(Entry(zip, BackupManifest.ProofPrefix + FileSystemProofStore.RelativePath(sha)), target + ".restore.tmp", ct);
                Check(fileSha == sha, $"proof file {sha} does not match its checksum");
                File.Move(target + ".restore.tmp", target, overwrite: true);
            }

            string? aside = null;
            if (File.Exists(databasePath))
            {
                aside = databasePath + ".before-restore-" + now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
                File.Move(databasePath, aside);
                foreach (var suffix in new[] { "-wal", "-shm" })
                {
                    if (File.Exists(databasePath + suffix))
                    {
                        File.Move(databasePath + suffix, aside + suffix);
                    }
                }
            }

            File.Move(incoming, databasePath);
            return (manifest, aside);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(incoming);
        }
    }

    /// <summary>Row counts of every table, and the proof files the rows refer to, read from a database file.</summary>
    public static async Task<(Dictionary<string, long> Tables, List<string> Proofs)> DescribeAsync(string databaseFile, CancellationToken ct)
    {
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await db.OpenAsync(ct);
        var tables = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await db.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        {
            tables[table] = await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }

        Check(await db.ExecuteScalarAsync<string>("PRAGMA integrity_check") == "ok", "the database fails SQLite's integrity check");
        return (tables, [.. await db.QueryAsync<string>(ReferencedProofs)]);
    }

    private string? Staged(string sha)
    {
        var incoming = Path.Combine(proofs.Root, FileSystemProofStore.IncomingFolder);
        return Directory.Exists(incoming) ? Directory.EnumerateFiles(incoming, sha + ".*.staged").FirstOrDefault() : null;
    }

    private static async Task<(string Sha, long Bytes)> AddAsync(ZipArchive zip, string name, string source, CancellationToken ct)
    {
        await using var from = File.OpenRead(source);
        await using var to = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        return await CopyHashingAsync(from, to, ct);
    }

    private static async Task<(string Sha, long Bytes)> ExtractAsync(ZipArchiveEntry entry, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var from = entry.Open();
        await using var to = new FileStream(target, FileMode.Create, FileAccess.Write);
        var result = await CopyHashingAsync(from, to, ct);
        to.Flush(flushToDisk: true);
        return result;
    }

    private static async Task<(string Sha, long Bytes)> CopyHashingAsync(Stream from, Stream to, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await from.ReadAsync(buffer.AsMemory(0, 64 * 1024), ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await to.WriteAsync(buffer.AsMemory(0, read), ct);
                total += read;
            }

            return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"The backup has no {name}.");

    private static void Check(bool ok, string problem)
    {
        if (!ok)
        {
            throw new InvalidDataException("The backup is damaged: " + problem + ". Nothing was changed.");
        }
    }
}
