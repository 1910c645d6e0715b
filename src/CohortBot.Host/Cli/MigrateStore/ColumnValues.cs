using System.Globalization;
using NpgsqlTypes;

namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>
/// Where the dialects differ in types: SQLite keeps a value as INTEGER, REAL, TEXT or BLOB whatever
/// the column says, PostgreSQL checks the column's type. The bot's schema is BIGINT and TEXT in both
/// (instants as unix milliseconds, booleans as 0/1), so a value normally passes as it is; one that
/// SQLite stored under another type is converted when that is lossless and refused otherwise,
/// naming the table, column and row (never the value, which may be personal data).
/// </summary>
internal static class ColumnValues
{
    public static NpgsqlDbType TypeOf(string postgresType) => postgresType switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "smallint" => NpgsqlDbType.Smallint,
        "text" => NpgsqlDbType.Text,
        "character varying" => NpgsqlDbType.Varchar,
        "boolean" => NpgsqlDbType.Boolean,
        "double precision" => NpgsqlDbType.Double,
        "bytea" => NpgsqlDbType.Bytea,
        _ => throw new MigrationRefusedException($"migrate-store does not know how to copy into a PostgreSQL column of type {postgresType}."),
    };

    /// <summary>The value for a PostgreSQL column of <paramref name="type"/>, or null when it cannot be converted without loss.</summary>
    public static object? Convert(object value, NpgsqlDbType type) => (type, value) switch
    {
        (NpgsqlDbType.Bigint, long l) => l,
        (NpgsqlDbType.Bigint, double d) when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
        (NpgsqlDbType.Bigint, string s) when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        (NpgsqlDbType.Integer, long l) when l is >= int.MinValue and <= int.MaxValue => (int)l,
        (NpgsqlDbType.Smallint, long l) when l is >= short.MinValue and <= short.MaxValue => (short)l,
        (NpgsqlDbType.Boolean, long l) when l is 0 or 1 => l == 1,
        (NpgsqlDbType.Double, double d) => d,
        (NpgsqlDbType.Double, long l) => (double)l,
        (NpgsqlDbType.Text or NpgsqlDbType.Varchar, string s) => s,
        (NpgsqlDbType.Text or NpgsqlDbType.Varchar, long l) => l.ToString(CultureInfo.InvariantCulture),
        (NpgsqlDbType.Text or NpgsqlDbType.Varchar, double d) => d.ToString("R", CultureInfo.InvariantCulture),
        (NpgsqlDbType.Bytea, byte[] b) => b,
        _ => null,
    };

    /// <summary>
    /// A value as text, the same for the same value read from either database (an integer column
    /// gives a long in both, a text column a string): what the checksum is computed over.
    /// </summary>
    public static string Canonical(object value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        short s => s.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] b => "\\x" + System.Convert.ToHexStringLower(b),
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
