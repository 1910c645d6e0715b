namespace CohortBot.Testing;

/// <summary>
/// A test that needs a real PostgreSQL server (races between connections, Quartz's cluster). Without
/// <c>COHORTBOT_TEST_POSTGRES</c> it is skipped on a developer's machine, with the reason; in CI
/// (<c>CI=true</c>) it runs anyway and fails, saying the server is missing, so CI can never pass
/// by not running it.
/// </summary>
public sealed class PostgresFactAttribute : Xunit.FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestStorage.Server is null && !TestStorage.PostgresRequired)
        {
            Skip = $"needs PostgreSQL: set {TestStorage.ServerVariable} (source .ci/postgres.sh starts a throw-away server)";
        }
    }
}
