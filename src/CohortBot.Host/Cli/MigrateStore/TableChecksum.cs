using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>
/// A table's row count and SHA-256, computed the same way on both databases: the rows in primary
/// key order, each value in its canonical text (<see cref="ColumnValues.Canonical"/>) with its
/// length before it, so no two different tables give the same text ("a","bc" is not "ab","c";
/// NULL is not the empty string).
/// </summary>
internal static class TableChecksum
{
    public static async Task<(long Rows, string Sha256)> ComputeAsync(DbConnection connection, DbTransaction? tx, StoreTable table, bool postgres, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = table.SelectAll(postgres);
        await using var reader = await command.ExecuteReaderAsync(ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            line.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (await reader.IsDBNullAsync(i, ct))
                {
                    line.Append("-,");
                    continue;
                }

                var text = ColumnValues.Canonical(reader.GetValue(i));
                line.Append(text.Length).Append(':').Append(text).Append(',');
            }

            hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
            rows++;
        }

        return (rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
