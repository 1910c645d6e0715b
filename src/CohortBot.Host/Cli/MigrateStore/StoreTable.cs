namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>
/// One table of the bot's store as migrate-store sees it: its columns in the source's order, the
/// PostgreSQL type of each (what the value is converted to), its primary key (the order rows are
/// read in, on both sides), the tables it refers to, and its identity column, if any.
/// </summary>
internal sealed record StoreTable(
    string Name,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> TargetTypes,
    IReadOnlyList<string> Key,
    IReadOnlyList<string> References,
    string? Identity)
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string QuotedName => Quote(Name);

    public string ColumnList => string.Join(", ", Columns.Select(Quote));

    /// <summary>
    /// The primary key order. PostgreSQL sorts text by the database's collation, SQLite by its
    /// bytes; <c>COLLATE "C"</c> is PostgreSQL's byte order (UTF-8), so both read rows alike.
    /// </summary>
    public string OrderBy(bool postgres) => string.Join(", ", Key.Select(k =>
        postgres && TargetTypes[Index(k)] is "text" or "character varying" ? Quote(k) + " COLLATE \"C\"" : Quote(k)));

    public string SelectAll(bool postgres) => $"SELECT {ColumnList} FROM {QuotedName} ORDER BY {OrderBy(postgres)}";

    private int Index(string column) => Columns.ToList().FindIndex(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
}
