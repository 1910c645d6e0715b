using System.Globalization;

namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>The per-table lines migrate-store prints: rows and checksum on each side, and whether they match.</summary>
internal static class MigrateStoreSummary
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<TableCopy> tables)
    {
        var width = Math.Max("table".Length, tables.Count == 0 ? 0 : tables.Max(t => t.Table.Length));
        await output.WriteLineAsync($"{"table".PadRight(width)}  {"rows",9}  {"sha256 (source)",-16}  {"rows",9}  {"sha256 (target)",-16}  check");
        foreach (var t in tables)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{t.Table.PadRight(width)}  {t.SourceRows,9}  {t.SourceSha256[..16]}  {t.TargetRows,9}  {t.TargetSha256[..16]}  {(t.Matches ? "ok" : "MISMATCH")}"));
        }
    }
}
