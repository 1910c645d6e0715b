using System.Data.Common;

namespace CohortBot.Storage;

/// <summary>For code that holds only a connection: the SQLite statement, or PostgreSQL's where it differs.</summary>
internal static class DialectSql
{
    public static string For(DbConnection db, string sqlite, string postgres) => db is Npgsql.NpgsqlConnection ? postgres : sqlite;
}
