using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>
/// The tables to copy, read from the databases themselves rather than listed here, so a migration
/// that adds a table is copied without touching this code: every table of the source but the
/// migrations ledger (each side keeps its own, and their versions are compared instead), in the
/// order their foreign keys need (a table after every table it refers to). The target, already
/// migrated to the same version, must have the same tables and columns.
/// </summary>
internal static class StoreSchema
{
    private const string SourceTables = """
        SELECT name FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'
        ORDER BY name
        """;

    private const string SourceColumns = "SELECT name AS Name, pk AS Pk FROM pragma_table_info(@table) ORDER BY cid";

    private const string SourceReferences = "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(@table)";

    // Quartz's own tables (qrtz_*) are Quartz's clustered store, not the bot's: they are left alone.
    private const string TargetColumns = """
        SELECT c.table_name AS TableName, c.column_name AS ColumnName, c.data_type AS DataType, c.is_identity AS IsIdentity
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND c.table_name <> 'schema_migrations' AND c.table_name NOT LIKE 'qrtz\_%'
        ORDER BY c.table_name, c.ordinal_position
        """;

    public static async Task<IReadOnlyList<StoreTable>> ReadAsync(SqliteConnection source, SqliteTransaction sourceTx, NpgsqlConnection target, NpgsqlTransaction tx, CancellationToken ct)
    {
        var targetColumns = (await target.QueryAsync<TargetColumn>(new CommandDefinition(TargetColumns, transaction: tx, cancellationToken: ct)))
            .GroupBy(c => c.TableName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.ColumnName, StringComparer.Ordinal), StringComparer.Ordinal);
        var tables = new List<StoreTable>();
        foreach (var name in await source.QueryAsync<string>(new CommandDefinition(SourceTables, transaction: sourceTx, cancellationToken: ct)))
        {
            if (!targetColumns.Remove(name, out var columns))
            {
                throw new MigrationRefusedException($"the target has no table {name}, which the source has: the two schemas differ although their versions agree.");
            }

            tables.Add(await ReadTableAsync(source, sourceTx, name, columns, ct));
        }

        if (targetColumns.Count > 0)
        {
            throw new MigrationRefusedException($"the target has tables the source does not ({string.Join(", ", targetColumns.Keys.Order())}): the two schemas differ although their versions agree.");
        }

        return InDependencyOrder(tables);
    }

    private static async Task<StoreTable> ReadTableAsync(SqliteConnection source, SqliteTransaction sourceTx, string name, Dictionary<string, TargetColumn> target, CancellationToken ct)
    {
        var columns = (await source.QueryAsync<SourceColumn>(new CommandDefinition(SourceColumns, new { table = name }, sourceTx, cancellationToken: ct))).ToList();
        var names = columns.Select(c => c.Name).ToList();
        if (!names.Order(StringComparer.Ordinal).SequenceEqual(target.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            throw new MigrationRefusedException(
                $"table {name} has columns {string.Join(", ", names)} in the source but {string.Join(", ", target.Keys)} in the target: the two schemas differ although their versions agree.");
        }

        // Without a primary key (none of the bot's tables), every column orders the rows.
        var key = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
        var references = (await source.QueryAsync<string>(new CommandDefinition(SourceReferences, new { table = name }, sourceTx, cancellationToken: ct)))
            .Where(r => !string.Equals(r, name, StringComparison.Ordinal))
            .ToList();
        return new StoreTable(
            name,
            names,
            [.. names.Select(c => target[c].DataType)],
            key.Count > 0 ? key : names,
            references,
            target.Values.FirstOrDefault(c => c.IsIdentity == "YES")?.ColumnName);
    }

    /// <summary>Every table after the tables it refers to (ties by name, so the order is always the same).</summary>
    private static List<StoreTable> InDependencyOrder(List<StoreTable> tables)
    {
        var ordered = new List<StoreTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var waiting = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (waiting.Count > 0)
        {
            var next = waiting.FirstOrDefault(t => t.References.All(placed.Contains))
                ?? throw new MigrationRefusedException($"the foreign keys of {string.Join(", ", waiting.Select(t => t.Name))} refer to each other or to tables that do not exist; there is no order to copy them in.");
            ordered.Add(next);
            placed.Add(next.Name);
            waiting.Remove(next);
        }

        return ordered;
    }

    private sealed record SourceColumn(string Name, long Pk);

    private sealed record TargetColumn(string TableName, string ColumnName, string DataType, string IsIdentity);
}
