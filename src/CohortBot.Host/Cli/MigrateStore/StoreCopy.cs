using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>
/// Copies every table of a SQLite store into a PostgreSQL one migrated to the same version, in one
/// transaction on the target: the target's tables are locked, found empty (or emptied, when forced),
/// filled in foreign-key order with their ids kept, their identity sequences moved past the copied
/// ids, and read back; the transaction commits only when every table's count and checksum equal
/// the source's. The source is read in one read transaction, so both passes see the same rows.
/// </summary>
internal static class StoreCopy
{
    private const string Version = "SELECT MAX(version) FROM schema_migrations";

    // A bot instance in the middle of a write holds its rows; waiting for it forever would hide that.
    private const string LockTimeout = "SET LOCAL lock_timeout = '10s'";

    public static async Task<long?> SchemaVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(Version, transaction: tx, cancellationToken: ct));

    /// <summary>The tables compared (whether they match or not); committed only when all match.</summary>
    public static async Task<(IReadOnlyList<TableCopy> Tables, bool Committed)> RunAsync(
        SqliteConnection source, SqliteTransaction sourceTx, NpgsqlConnection target, bool force, CancellationToken ct)
    {
        await using var tx = await target.BeginTransactionAsync(ct);
        await target.ExecuteAsync(new CommandDefinition(LockTimeout, transaction: tx, cancellationToken: ct));
        var tables = await StoreSchema.ReadAsync(source, sourceTx, target, tx, ct);
        await LockAsync(target, tx, tables, ct);
        var occupied = await OccupiedAsync(target, tx, tables, ct);
        if (occupied.Count > 0 && !force)
        {
            throw new MigrationRefusedException(
                $"the target is not empty: it has rows in {string.Join(", ", occupied.Select(o => $"{o.Table} ({o.Rows})"))}; nothing was written. "
                + $"Give {MigrateStoreArguments.ForceOption} to replace its contents with the source's, or point --to at an empty database.");
        }

        if (occupied.Count > 0)
        {
            await target.ExecuteAsync(new CommandDefinition(
                $"TRUNCATE {string.Join(", ", tables.Select(t => t.QuotedName))} RESTART IDENTITY", transaction: tx, cancellationToken: ct));
        }

        foreach (var table in tables)
        {
            await CopyAsync(source, sourceTx, target, table, ct);
            if (table.Identity is { } identity)
            {
                // The next id the bot takes must follow the copied ones, not collide with them.
                await target.ExecuteAsync(new CommandDefinition(
                    $"SELECT setval(pg_get_serial_sequence(@table, @identity), COALESCE(MAX({StoreTable.Quote(identity)}), 0) + 1, false) FROM {table.QuotedName}",
                    new { table = table.QuotedName, identity }, tx, cancellationToken: ct));
            }
        }

        var compared = new List<TableCopy>();
        foreach (var table in tables)
        {
            var (sourceRows, sourceSha) = await TableChecksum.ComputeAsync(source, sourceTx, table, postgres: false, ct);
            var (targetRows, targetSha) = await TableChecksum.ComputeAsync(target, tx, table, postgres: true, ct);
            compared.Add(new TableCopy(table.Name, sourceRows, sourceSha, targetRows, targetSha));
        }

        if (compared.All(c => c.Matches))
        {
            await tx.CommitAsync(ct);
            return (compared, true);
        }

        await tx.RollbackAsync(ct);
        return (compared, false);
    }

    private static Task LockAsync(NpgsqlConnection target, NpgsqlTransaction tx, IReadOnlyList<StoreTable> tables, CancellationToken ct) =>
        // Nothing else reads or writes these tables until the copy commits or rolls back.
        target.ExecuteAsync(new CommandDefinition(
            $"LOCK TABLE {string.Join(", ", tables.Select(t => t.QuotedName))} IN ACCESS EXCLUSIVE MODE", transaction: tx, cancellationToken: ct));

    private static async Task<List<(string Table, long Rows)>> OccupiedAsync(NpgsqlConnection target, NpgsqlTransaction tx, IReadOnlyList<StoreTable> tables, CancellationToken ct)
    {
        var occupied = new List<(string, long)>();
        foreach (var table in tables)
        {
            var rows = await target.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table.QuotedName}", transaction: tx, cancellationToken: ct));
            if (rows > 0)
            {
                occupied.Add((table.Name, rows));
            }
        }

        return occupied;
    }

    private static async Task CopyAsync(SqliteConnection source, SqliteTransaction sourceTx, NpgsqlConnection target, StoreTable table, CancellationToken ct)
    {
        var types = table.TargetTypes.Select(ColumnValues.TypeOf).ToArray();
        await using var read = source.CreateCommand();
        read.Transaction = sourceTx;
        read.CommandText = table.SelectAll(postgres: false);
        await using var rows = await read.ExecuteReaderAsync(ct);
        // Binary COPY: the fastest way into PostgreSQL, and part of the transaction like any statement.
        // Row triggers fire as for INSERT (submissions_supersede sets the flag the copied rows already
        // have); the checksum afterwards would show any difference they made.
        await using var import = await target.BeginBinaryImportAsync($"COPY {table.QuotedName} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        while (await rows.ReadAsync(ct))
        {
            await import.StartRowAsync(ct);
            for (var i = 0; i < types.Length; i++)
            {
                if (await rows.IsDBNullAsync(i, ct))
                {
                    await import.WriteNullAsync(ct);
                    continue;
                }

                var value = ColumnValues.Convert(rows.GetValue(i), types[i])
                    ?? throw new MigrationRefusedException(
                        $"table {table.Name}, column {table.Columns[i]}, row {RowKey(table, rows)}: SQLite holds a {rows.GetDataTypeName(i)} value there that PostgreSQL's {table.TargetTypes[i]} cannot take without loss; nothing was written.");
                await WriteAsync(import, value, types[i], ct);
            }
        }

        await import.CompleteAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter import, object value, NpgsqlDbType type, CancellationToken ct) => value switch
    {
        long l => import.WriteAsync(l, type, ct),
        int i => import.WriteAsync(i, type, ct),
        short s => import.WriteAsync(s, type, ct),
        bool b => import.WriteAsync(b, type, ct),
        double d => import.WriteAsync(d, type, ct),
        string s => import.WriteAsync(s, type, ct),
        byte[] b => import.WriteAsync(b, type, ct),
        _ => throw new InvalidOperationException($"No writer for {value.GetType().Name}."),
    };

    /// <summary>The row's primary key (ids and platform keys, never personal data) for a message.</summary>
    private static string RowKey(StoreTable table, SqliteDataReader rows) =>
        "(" + string.Join(", ", table.Key.Select(k => $"{k}={ColumnValues.Canonical(rows.GetValue(rows.GetOrdinal(k)))}")) + ")";
}
