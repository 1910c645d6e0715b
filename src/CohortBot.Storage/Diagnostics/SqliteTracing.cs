using System.Diagnostics;
using CohortBot.Core.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CohortBot.Storage.Diagnostics;

/// <summary>
/// SQL statements as spans inside the command that ran them. Dapper and Microsoft.Data.Sqlite emit
/// no spans of their own, so SQLite's profile hook reports each finished statement (its text, with
/// parameters as <c>@names</c>, never their values, and its duration) and a child span of the
/// current one is recorded for it. Hooked only while something listens to
/// <see cref="CohortTelemetry.Source"/> (tracing configured); statements outside a traced command
/// (the writer's own COMMIT, start-up) make no spans.
/// </summary>
internal static class SqliteTracing
{
    private const int MaxStatementLength = 2000;

    private static readonly strdelegate_profile Profile = OnProfile;

    public static void Attach(SqliteConnection connection)
    {
        if (CohortTelemetry.Source.HasListeners() && connection.Handle is { } handle)
        {
            raw.sqlite3_profile(handle, Profile, null);
        }
    }

    private static void OnProfile(object userData, string statement, long nanoseconds)
    {
        if (Activity.Current is null || statement is null)
        {
            return;
        }

        var end = DateTimeOffset.UtcNow;
        var text = statement.Trim();
        var verb = text.Length == 0 ? "SQL" : text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
        using var span = CohortTelemetry.Source.StartActivity(ActivityKind.Client, default, null, null, end - TimeSpan.FromTicks(nanoseconds / 100), "sqlite " + verb);
        if (span is null)
        {
            return;
        }

        span.SetTag("db.system.name", "sqlite");
        span.SetTag("db.operation.name", verb);
        span.SetTag("db.query.text", text.Length > MaxStatementLength ? text[..MaxStatementLength] : text);
        span.SetEndTime(end.UtcDateTime);
    }
}
