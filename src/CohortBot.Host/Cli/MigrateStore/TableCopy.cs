namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>One table after the copy: its rows and checksum read back from each side.</summary>
internal sealed record TableCopy(string Table, long SourceRows, string SourceSha256, long TargetRows, string TargetSha256)
{
    public bool Matches => SourceRows == TargetRows && string.Equals(SourceSha256, TargetSha256, StringComparison.Ordinal);
}
