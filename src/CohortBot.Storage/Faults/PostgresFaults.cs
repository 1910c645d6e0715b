using CohortBot.Core.Faults;
using Npgsql;

namespace CohortBot.Storage.Faults;

/// <summary>PostgreSQL's SQLSTATEs and a lost server, mapped to the same faults as SQLite's; proof files are still files.</summary>
public sealed class PostgresFaults : IStorageFaults
{
    public StorageFault? Classify(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (Direct(ex) is { } fault)
            {
                return fault;
            }
        }

        return SqliteFaults.Of(exception);
    }

    private static StorageFault? Direct(Exception ex) => ex switch
    {
        PostgresException p => p.SqlState switch
        {
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable
                or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.QueryCanceled => StorageFault.Busy,
            PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.InsufficientPrivilege => StorageFault.ReadOnly,
            PostgresErrorCodes.DiskFull or PostgresErrorCodes.OutOfMemory => StorageFault.Full,
            PostgresErrorCodes.DataCorrupted or PostgresErrorCodes.IndexCorrupted => StorageFault.Corrupt,
            PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow => StorageFault.Unavailable,
            _ => null,
        },
        // Not a server's answer at all: the connection could not be made or was lost.
        NpgsqlException => StorageFault.Unavailable,
        _ => null,
    };
}
