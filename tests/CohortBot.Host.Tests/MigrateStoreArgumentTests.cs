using CohortBot.Storage.Backups;
using CohortBot.Testing;
using Microsoft.Data.Sqlite;

namespace CohortBot.Host.Tests;

/// <summary>
/// What <c>cohortbot migrate-store</c> refuses before it writes anything, each with a sentence and
/// exit code 2: arguments it cannot use, a source it cannot copy, a server it cannot reach. None of
/// these needs PostgreSQL running.
/// </summary>
public sealed class MigrateStoreArgumentTests
{
    private const string Unreachable = "postgres:Host=127.0.0.1;Port=9;Username=nobody;Timeout=5";

    public static TheoryData<string[], string> BadArguments => new()
    {
        { [], "--from sqlite:<file> is required" },
        { ["--from", "sqlite:a.db"], "--to postgres:<connection string> is required" },
        { ["--from", "a.db", "--to", Unreachable], "--from must be sqlite:<file>" },
        { ["--from", "sqlite:", "--to", Unreachable], "--from sqlite: needs a file name" },
        { ["--from", "sqlite:a\0.db", "--to", Unreachable], "--from is not a usable file name: it contains control characters." },
        { ["--from=sqlite:a.db", "--from", "sqlite:b.db", "--to", Unreachable], "--from is given twice." },
        { ["--from", "sqlite:a.db", "--to", "mysql:Server=db"], "--to must be postgres:<connection string>" },
        { ["--from", "sqlite:a.db", "--to", "postgres:Host=db;Colour=blue"], "--to is not a valid PostgreSQL connection string" },
        { ["--from", "sqlite:a.db", "--to", "postgres:Database=cohortbot"], "--to names no PostgreSQL server" },
        { ["--from", "sqlite:a.db", "--to", "postgres"], "--to postgres without a connection string takes Storage:ConnectionString" },
        { ["--from", "sqlite:a.db", "--to", Unreachable, "now"], "'now' is not an option" },
        { ["--from", "sqlite:a.db", "--to", Unreachable, "--forse"], "'--forse' is not a setting" },
        { ["--from", "sqlite:a.db", "--to", Unreachable, "--Storage:ProofDirectry=x"], "Storage:ProofDirectry is not a setting" },
        { ["--from", "sqlite:nowhere/a.db", "--to", Unreachable], "there is no database at " },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task BadArguments_ExitTwo_SayingWhatIsWrong_AndShowTheUsage(string[] args, string message)
    {
        var (code, stdout, stderr) = await MigrateStoreTests.RunVerbAsync(["migrate-store", .. args]);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cohortbot migrate-store: " + message, stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: cohortbot migrate-store --from sqlite:<file> --to postgres:<connection string> [--force]", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("blue", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProgram_DispatchesTheVerb_AndExitsTwo()
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = await HostProcess.RunAsync(folder, string.Empty, null, "migrate-store", "--to", "postgres:Host=db;Password=hunter2");

        Assert.Equal(2, code);
        Assert.Contains("cohortbot migrate-store: --from sqlite:<file> is required", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASourceTheCopyCannotUse_IsRefusedBeforeTheTargetIsTouched()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("notes.db"), "not a database at all, just text that is long enough to be read as a header");
        await using (var old = new SqliteConnection($"Data Source={folder.File("old.db")};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER); INSERT INTO schema_migrations VALUES (1, 'initial', 0), (2, 'schedules', 0);";
            await create.ExecuteNonQueryAsync();
        }

        await using (var other = new SqliteConnection($"Data Source={folder.File("other.db")};Pooling=False"))
        {
            await other.OpenAsync();
            await using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)";
            await create.ExecuteNonQueryAsync();
        }

        Assert.Contains("cannot be read (SQLite Error 26", await RefusedAsync(folder.File("notes.db")), StringComparison.Ordinal);
        Assert.Contains("is not a CohortBot database (it has no applied migrations); nothing was written.", await RefusedAsync(folder.File("other.db")), StringComparison.Ordinal);
        Assert.Contains($"is at schema version 2, this build at {Storage.Sqlite.Migrator.LatestVersion}. Start this version of the bot on it once", await RefusedAsync(folder.File("old.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASourceARunningBotHolds_OrAServerThatCannotBeReached_IsRefused()
    {
        using var folder = new TempFolder();
        await TerminalRun.RunAsync(folder, string.Empty, SampleCohort.Now);

        using (var bot = new DatabaseLock())
        {
            Assert.True(bot.TryAcquire(folder.File("bot.db")));
            Assert.Contains($"a running bot is using {folder.File("bot.db")}", await RefusedAsync(folder.File("bot.db")), StringComparison.Ordinal);
        }

        Assert.Contains("the PostgreSQL database cannot be used (", await RefusedAsync(folder.File("bot.db")), StringComparison.Ordinal);
    }

    private static async Task<string> RefusedAsync(string source)
    {
        var (code, _, stderr) = await MigrateStoreTests.RunVerbAsync(["migrate-store", "--from", "sqlite:" + source, "--to", Unreachable]);
        Assert.True(code == 2, stderr);
        return stderr;
    }
}
