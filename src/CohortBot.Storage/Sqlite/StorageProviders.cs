namespace CohortBot.Storage.Sqlite;

/// <summary>The values of <c>Storage:Provider</c>.</summary>
public static class StorageProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static bool IsPostgres(StorageOptions options) => string.Equals(options.Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
