using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using CohortBot.Storage;
using CohortBot.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CohortBot.Host.Tests;

/// <summary>The real host on PostgreSQL: it migrates, syncs, schedules on Quartz's clustered store, serves a command, and a second start finds it.</summary>
public sealed class PostgresHostTests
{
    [PostgresFact]
    public async Task Host_OnPostgres_ServesACommand_AndTheNextStartFindsIt()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        string[] args =
        [
            "--Cohort:File=" + folder.File("cohort.yaml"), "--Storage:ProofDirectory=" + folder.File("proofs"), "--Terminal:Enabled=false",
            "--Storage:Provider=postgres", "--Storage:ConnectionString=" + folder.PostgresDatabase(),
        ];

        using (var host = CohortBotHost.Build(args))
        {
            await host.StartAsync();
            Assert.Equal(Dialect.Postgres, host.Services.GetRequiredService<Database>().Dialect);
            var reply = await host.Services.GetRequiredService<CommandRunner>().RunAsync(
                Invocation.Create("timezone", new PlatformUser("terminal", "alice", "Alice"), ("zone", "Europe/Paris")), CancellationToken.None);
            Assert.NotEqual(ReplyTone.Error, reply.Tone);
            await host.StopAsync();
        }

        using (var again = CohortBotHost.Build(args))
        {
            await again.StartAsync();
            await using var db = await again.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
            Assert.Equal("Europe/Paris", await db.ExecuteScalarAsync<string>("SELECT time_zone FROM participants WHERE time_zone IS NOT NULL"));
            Assert.True(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_job_details") > 0, "the cohort's jobs are in Quartz's clustered store");
            await again.StopAsync();
        }
    }
}
