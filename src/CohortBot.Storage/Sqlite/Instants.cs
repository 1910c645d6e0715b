namespace CohortBot.Storage.Sqlite;

/// <summary>The one place instants become column values and back: UTC unix milliseconds.</summary>
internal static class Instants
{
    public static long ToDb(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static long? ToDb(DateTimeOffset? instant) => instant?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromDb(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromDb(long? ms) => ms is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms.Value);
}
