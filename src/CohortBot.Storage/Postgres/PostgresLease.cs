using Npgsql;

namespace CohortBot.Storage.Postgres;

/// <summary>
/// A named lease that one instance at a time holds, kept by PostgreSQL itself: a session advisory
/// lock on a connection of its own. It is released when the holder lets go, and also when its
/// process dies for any reason, because the server ends the dead session and with it the lock; so
/// there is no expiry to tune and no stale holder to wait out. The holder checks now and then that
/// its session is still there (a network cut ends it too) and stops using the lease once it is not.
/// </summary>
public sealed class PostgresLease : IAsyncDisposable
{
    private const string TryLock = "SELECT pg_try_advisory_lock(hashtextextended(@name, 0))";
    private const string Unlock = "SELECT pg_advisory_unlock(hashtextextended(@name, 0))";

    private readonly NpgsqlConnection _session;
    private readonly string _name;

    private PostgresLease(NpgsqlConnection session, string name)
    {
        _session = session;
        _name = name;
    }

    public string Name => _name;

    /// <summary>The lease, or null when another session holds it.</summary>
    public static async Task<PostgresLease?> TryAcquireAsync(string connectionString, string name, CancellationToken ct)
    {
        // Not pooled: the lock lives exactly as long as this one session.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "cohortbot lease " + name };
        var session = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await session.OpenAsync(ct);
            await using var command = new NpgsqlCommand(TryLock, session) { Parameters = { new("name", name) } };
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new PostgresLease(session, name);
            }
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        await session.DisposeAsync();
        return null;
    }

    /// <summary>Whether the session that holds the lock is still alive (false after a cut connection or a server restart).</summary>
    public async Task<bool> StillHeldAsync(CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _session);
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand(Unlock, _session) { Parameters = { new("name", _name) } };
            await command.ExecuteScalarAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The session is gone already, and the lock with it.
        }

        await _session.DisposeAsync();
    }
}
