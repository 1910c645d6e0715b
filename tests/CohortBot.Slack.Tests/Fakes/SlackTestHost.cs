using System.Text.Json.Nodes;
using CohortBot.Core;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Slack.SocketMode;
using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.Tests.Fakes;

/// <summary>
/// The real core, SQLite storage (a temp file, migrated from zero, a cohort synced in) and the
/// Slack adapter, configured only with tokens and the fake's base URL, as the host would do it.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    private readonly string _dir;

    private SlackTestHost(IHost host, string dir, ShiftedTimeProvider clock, long cohortId, DateTimeOffset start, CohortBot.Testing.CapturingLogger logs)
    {
        Logs = logs;
        Host = host;
        _dir = dir;
        Clock = clock;
        CohortId = cohortId;
        Start = start;
    }

    public IHost Host { get; }

    /// <summary>Warnings and errors logged by the adapter (and the Kestrel of its HTTP mode).</summary>
    public CohortBot.Testing.CapturingLogger Logs { get; }

    public IServiceProvider Services => Host.Services;

    public ShiftedTimeProvider Clock { get; }

    public long CohortId { get; }

    /// <summary>When the cohort's week 1 opened.</summary>
    public DateTimeOffset Start { get; }

    public SlackConnectionStatus Status => Services.GetRequiredService<SlackConnectionStatus>();

    public static async Task<SlackTestHost> StartAsync(FakeSlack fake, Action<Dictionary<string, string?>>? configure = null, TimeProvider? botClock = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cohortbot-slack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = FakeSlack.AppToken,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = fake.ApiBase.ToString(),
            ["Slack:ReconnectBaseDelay"] = "00:00:00.050",
            ["Slack:ReconnectMaxDelay"] = "00:00:00.500",
            ["Slack:HelloTimeout"] = "00:00:05",
            ["Storage:DatabasePath"] = Path.Combine(dir, "cohortbot.db"),
            ["Storage:ProofDirectory"] = Path.Combine(dir, "proofs"),
        };
        configure?.Invoke(settings);

        var clock = new ShiftedTimeProvider();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var logs = new CohortBot.Testing.CapturingLogger();
        builder.Logging.AddProvider(logs);
        // A test that measures in fake time gives the bot the fake's clock; the others walk a week by shifting real time.
        builder.Services.AddSingleton<TimeProvider>(botClock ?? clock);
        builder.Services.AddCohortCore();
        builder.Services.AddSqliteStorage();
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddOptions<OrganizerOptions>().Configure(o => builder.Configuration.GetSection(OrganizerOptions.Section).Bind(o.Platforms));
        builder.Services.AddSingleton(new ActiveCohort("test-cohort"));
        builder.Services.AddSingleton<ICohortResolver, ActiveCohortResolver>();
        builder.Services.AddSlackAdapter(builder.Configuration);
        var host = builder.Build();

        var now = clock.GetUtcNow();
        var start = now.AddDays(-1);
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        var sync = await host.Services.GetRequiredService<ICohortStore>().SyncAsync(Definition(start), now, CancellationToken.None);
        await host.StartAsync();
        return new SlackTestHost(host, dir, clock, sync.CohortId, start, logs);
    }

    /// <summary>Two weeks (week 1 open now, week 2 next week), two events (office hours with one seat), one certificate.</summary>
    public static CohortDefinition Definition(DateTimeOffset start) => new(
        "test-cohort",
        "Test Cohort",
        TimeZoneInfo.Utc,
        start,
        start.AddDays(60),
        RegistrationOpen: true,
        "en",
        new CertificateMission(start.AddDays(30), [new CertificateDefinition("aws-ccp", "AWS Cloud Practitioner", 1)], 1),
        [
            new WeekDefinition(1, "Foundations", "Lessons 1-5", start, start.AddDays(4), start.AddDays(11), 1),
            new WeekDefinition(2, "Networking", "Lessons 6-10", start.AddDays(7), start.AddDays(11), start.AddDays(18), 1),
        ],
        [
            new EventDefinition("oh-1", EventKind.OfficeHours, "Office hours <week 1>", null, null, [], start.AddDays(3), start.AddDays(3).AddHours(1), "https://meet.example/oh", 1, false, 1),
            new EventDefinition("tt-1", EventKind.TechTalk, "Tech talk & demo", "Acme", null, [new Speaker("Grace", "Engineer")], start.AddDays(5), start.AddDays(5).AddHours(1), null, null, false, 1),
        ],
        [],
        1);

    public async Task<Submission?> LatestSubmissionAsync(string slackUserId, int week)
    {
        var participant = await Services.GetRequiredService<IParticipantStore>().FindByIdentityAsync(CohortId, SlackPlatform.Name, slackUserId, CancellationToken.None);
        if (participant is null)
        {
            return null;
        }

        var weeks = await Services.GetRequiredService<ICohortStore>().WeeksAsync(CohortId, CancellationToken.None);
        var weekId = weeks.Single(w => w.Number == week).Id;
        return (await Services.GetRequiredService<ISubmissionStore>().LatestWeeklyAsync(participant.Id, CancellationToken.None)).FirstOrDefault(s => s.WeekId == weekId);
    }

    public Task WaitConnectedAsync() => WaitForStateAsync(SlackConnectionState.Connected);

    /// <summary>Waits for the connection to reach <paramref name="state"/>, re-checking at each change of the status.</summary>
    public async Task WaitForStateAsync(SlackConnectionState state)
    {
        var changed = new CohortBot.Fakes.Pulse();
        Action fire = changed.Fire;
        Status.Changed += fire;
        try
        {
            await CohortBot.Fakes.Eventually.TrueAsync(() => Status.State == state, changed, $"the Slack connection to be {state}");
        }
        finally
        {
            Status.Changed -= fire;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Host.StopAsync(cts.Token);
        Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
