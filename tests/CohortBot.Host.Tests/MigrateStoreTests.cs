using CohortBot.Core.Exports;
using CohortBot.Host.Cli;
using CohortBot.Host.Cli.MigrateStore;
using CohortBot.Storage.Postgres;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CohortBot.Host.Tests;

/// <summary>
/// <c>cohortbot migrate-store</c> on a cohort seeded through the real commands: the PostgreSQL copy
/// reads back the same through the bot's own stores (exports, organizer and participant views), the
/// bot goes on there with new ids, a non-empty target is refused unless forced, and a copy that
/// does not match its source is rolled back.
/// </summary>
public sealed class MigrateStoreTests
{
    /// <summary>Tables the seeded commands are known to write; the rest may be empty (the outbox, the inbox).</summary>
    private static readonly string[] Seeded =
    [
        "cohorts", "weeks", "certificate_types", "events", "event_speakers", "participants", "participant_identities",
        "submissions", "certificate_submissions", "rsvps", "attendance", "platform_state", "excused_weeks",
        "deadline_extensions", "week_deadline_overrides", "audit_log", "checkin_codes",
    ];

    [PostgresFact]
    public async Task RoundTrip_ASeededCohort_ReadsBackTheSame_AndTheBotGoesOnOnPostgres()
    {
        using var folder = new TempFolder();
        await SeededCohort.SeedAsync(folder);
        var postgres = folder.PostgresDatabase();

        var (code, stdout, stderr) = await MigrateAsync(folder, "--to", "postgres:" + postgres);

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("every table's count and checksum match", stdout, StringComparison.Ordinal);
        Assert.Contains("the rows refer to 3, all present and intact", stdout, StringComparison.Ordinal);
        var sqliteCounts = await CountsAsync(new SqliteConnection($"Data Source={folder.File("bot.db")};Pooling=False"));
        var postgresCounts = await CountsAsync(new NpgsqlConnection(postgres));
        Assert.Equal(sqliteCounts, postgresCounts);
        Assert.All(Seeded, t => Assert.True(postgresCounts[t] > 0, $"{t} was seeded"));
        Assert.All(sqliteCounts.Keys, t => Assert.Matches($@"(?m)^{t} +{sqliteCounts[t]} +[0-9a-f]{{16}} +{sqliteCounts[t]} +[0-9a-f]{{16}}  ok$", stdout));

        // The bot's own stores read the same cohort on both: every export, and what people see in chat.
        foreach (var kind in CohortExporter.Kinds)
        {
            Assert.Equal(await ExportAsync(folder, kind), await ExportAsync(folder, kind, "--Storage:Provider=postgres", "--Storage:ConnectionString=" + postgres));
        }

        const string Views = """
            /as organizer
            /audit limit:20
            /as seed1
            /progress
            /as seed2
            /progress
            /as 김민준
            /progress
            /events
            /deadlines
            """;
        var onSqlite = await TerminalRun.RunAsync(folder, Views, SampleCohort.Now, SeededCohort.Yaml);
        var onPostgres = await TerminalRun.RunAsync(folder, Views, SampleCohort.Now, SeededCohort.Yaml, "--Storage:Provider=postgres", "--Storage:ConnectionString=" + postgres);
        Assert.Contains("participant.drop", onSqlite, StringComparison.Ordinal);
        Assert.Equal(onSqlite, onPostgres);

        // New rows continue after the copied ids (the identity sequences were moved past them).
        var next = await TerminalRun.RunAsync(folder, "/as newcomer\n/submit week:2 url:https://coursera.org/verify/NEW\n", SampleCohort.Now, SeededCohort.Yaml,
            "--Storage:Provider=postgres", "--Storage:ConnectionString=" + postgres);
        Assert.Contains("Week 2 proof received", next, StringComparison.Ordinal);
        await using var db = new NpgsqlConnection(postgres);
        Assert.Equal(sqliteCounts["participants"] + 1, await db.ExecuteScalarAsync<long>("SELECT id FROM participants WHERE display_name = 'newcomer'"));
        Assert.Equal(sqliteCounts["submissions"] + 1, await db.ExecuteScalarAsync<long>("SELECT MAX(id) FROM submissions"));
        Assert.True(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_job_details") > 0, "the cohort's jobs were scheduled on Quartz's clustered store from the copied tables");
    }

    [PostgresFact]
    public async Task ANonEmptyTarget_IsRefused_ForceReplacesIt_AndAMissingProofFileIsNamed()
    {
        using var folder = new TempFolder();
        await SeededCohort.SeedAsync(folder);
        var to = "postgres:" + folder.PostgresDatabase();
        Assert.Equal(0, (await MigrateAsync(folder, "--to", to)).Code);
        await TerminalRun.RunAsync(folder, "/as latecomer\n/timezone zone:Asia/Tokyo\n", SampleCohort.Now, SeededCohort.Yaml);

        var (refused, _, refusedErr) = await MigrateAsync(folder, "--to", to);

        Assert.Equal(2, refused);
        Assert.Contains("the target is not empty: it has rows in ", refusedErr, StringComparison.Ordinal);
        Assert.Matches(@"participants \(\d+\)", refusedErr);
        Assert.Contains("--force", refusedErr, StringComparison.Ordinal);
        await using var db = new NpgsqlConnection(folder.PostgresDatabase());
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM participants WHERE display_name = 'latecomer'"));

        var lost = Directory.GetFiles(folder.File("proofs"), "*", SearchOption.AllDirectories).First(f => !f.Contains(".incoming", StringComparison.Ordinal));
        File.Delete(lost);
        var (forced, forcedOut, forcedErr) = await MigrateAsync(folder, "--to", to, "--force");

        Assert.Equal(1, forced);
        Assert.Contains("every table's count and checksum match", forcedOut, StringComparison.Ordinal);
        Assert.Contains($"1 of the 3 proof files its rows refer to are missing or damaged in {folder.File("proofs")}: {Path.GetFileName(lost)}", forcedErr, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM participants WHERE display_name = 'latecomer'"));
    }

    [PostgresFact]
    public async Task ACopyThatDoesNotMatchItsSource_IsRolledBack_NamingTheTable()
    {
        using var folder = new TempFolder();
        await SeededCohort.SeedAsync(folder);
        var postgres = folder.PostgresDatabase();
        await MigrateTargetAsync(postgres);
        await using var db = new NpgsqlConnection(postgres);
        // Something between the two databases changes one value of one row on its way in.
        await db.ExecuteAsync("""
            CREATE FUNCTION tamper() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.id = 2 THEN NEW.actor := NEW.actor || 'x'; END IF; RETURN NEW; END; $$;
            CREATE TRIGGER tamper BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION tamper();
            """);

        var (code, stdout, stderr) = await MigrateAsync(folder, "--to", "postgres:" + postgres);

        Assert.Equal(1, code);
        Assert.Matches(@"(?m)^audit_log +\d+ +[0-9a-f]{16} +\d+ +[0-9a-f]{16}  MISMATCH$", stdout);
        Assert.Single(stdout.Split('\n'), l => l.Contains("MISMATCH", StringComparison.Ordinal));
        Assert.Contains("the copy does not match the source in audit_log; the transaction was rolled back and nothing was written.", stderr, StringComparison.Ordinal);
        Assert.All((await CountsAsync(new NpgsqlConnection(postgres))).Values, rows => Assert.Equal(0, rows));
    }

    [PostgresFact]
    public async Task TextKeys_AreReadInTheSameOrder_OnADatabaseThatSortsTextByLanguage()
    {
        using var folder = new TempFolder();
        await TerminalRun.RunAsync(folder, string.Empty, SampleCohort.Now);
        using (var host = CohortBotHost.Build(["--Cohort:File=" + folder.File("cohort.yaml"), "--Storage:DatabasePath=" + folder.File("bot.db"), "--Storage:ProofDirectory=" + folder.File("proofs")]))
        {
            // Keys a language collation orders differently from bytes ('a' < 'B', punctuation ignored).
            var state = host.Services.GetRequiredService<Core.Platform.IPlatformStateStore>();
            foreach (var key in new[] { "dm:U02B", "dm:u01a", "dm-U03", "DM:z", "gateway.session" })
            {
                await state.SetAsync("slack", key, "v-" + key, default);
            }
        }

        SqliteConnectionFactory.ReleaseAll();
        var server = new NpgsqlConnectionStringBuilder(TestStorage.RequiredServer);
        var name = "cohortbot_icu_" + Guid.NewGuid().ToString("N");
        await using var admin = new NpgsqlConnection(server.ConnectionString);
        await admin.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
        try
        {
            var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
            await using (var db = new NpgsqlConnection(target))
            {
                Assert.Equal("dm:u01a", await db.ExecuteScalarAsync<string>("SELECT k FROM (VALUES ('dm:U02B'), ('dm:u01a')) v(k) ORDER BY k LIMIT 1"));
            }

            var (code, stdout, stderr) = await MigrateAsync(folder, "--to", "postgres:" + target);

            Assert.True(code == 0, stderr + stdout);
            Assert.Matches(@"(?m)^platform_state +6 +[0-9a-f]{16} +6 +[0-9a-f]{16}  ok$", stdout);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    [PostgresFact]
    public async Task ATargetMigratedByANewerBuild_IsRefused()
    {
        using var folder = new TempFolder();
        await TerminalRun.RunAsync(folder, string.Empty, SampleCohort.Now);
        var postgres = folder.PostgresDatabase();
        await MigrateTargetAsync(postgres);
        await using (var db = new NpgsqlConnection(postgres))
        {
            await db.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)");
        }

        var (code, _, stderr) = await MigrateAsync(folder, "--to", "postgres:" + postgres);

        Assert.Equal(2, code);
        Assert.Contains("has schema version 999, but this build of CohortBot knows only up to", stderr, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Stdout, string Stderr)> MigrateAsync(TempFolder folder, params string[] args) =>
        RunVerbAsync(["migrate-store", "--from", "sqlite:" + folder.File("bot.db"), "--Storage:ProofDirectory=" + folder.File("proofs"), .. args]);

    internal static async Task<(int Code, string Stdout, string Stderr)> RunVerbAsync(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await MigrateStoreVerb.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString());
    }

    private static async Task MigrateTargetAsync(string connectionString)
    {
        await using var target = new PostgresDatabase(MsOptions.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = connectionString }));
        await new Migrator(target, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(default);
    }

    private static async Task<string> ExportAsync(TempFolder folder, string kind, params string[] settings)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = ["export", kind, "--Cohort:File=" + folder.File("cohort.yaml"), "--Storage:DatabasePath=" + folder.File("bot.db"), "--Storage:ProofDirectory=" + folder.File("proofs"), .. settings];
        var code = await ExportVerb.RunAsync(args, stdout, stderr, b => b.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(SampleCohort.Now)));
        Assert.True(code == 0, stderr.ToString());
        return stdout.ToString();
    }

    /// <summary>Rows in each of the bot's tables (not the migrations ledger, not Quartz's).</summary>
    private static async Task<SortedDictionary<string, long>> CountsAsync(System.Data.Common.DbConnection connection)
    {
        await using (connection)
        {
            var dialect = connection is NpgsqlConnection ? Storage.Dialect.Postgres : Storage.Dialect.Sqlite;
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in await connection.QueryAsync<string>(TestStorage.TableNames(dialect)))
            {
                if (table != "schema_migrations" && !table.StartsWith("qrtz_", StringComparison.Ordinal))
                {
                    counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
                }
            }

            return counts;
        }
    }
}
