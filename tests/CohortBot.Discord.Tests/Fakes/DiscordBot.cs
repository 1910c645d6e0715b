using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Core.Transport;
using CohortBot.Discord.Gateway;
using CohortBot.Fakes;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CohortBot.Discord.Tests.Fakes;

/// <summary>
/// The shared <see cref="BotHarness"/> with the Discord adapter, pointed at a <see cref="FakeDiscord"/>:
/// REST over loopback HTTP, the gateway over an in-memory WebSocket, all on the fake's
/// <see cref="TestClock"/>. Heartbeats, back-offs and deadlines move only when a test moves time.
/// </summary>
public sealed class DiscordBot : IAsyncDisposable
{
    /// <summary>Reconnects wait between half of <see cref="ReconnectMax"/>'s ceiling and all of it.</summary>
    public static readonly TimeSpan ReconnectMin = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan ReconnectMax = TimeSpan.FromSeconds(8);

    private readonly Pulse _status = new();

    private DiscordBot(BotHarness harness, FakeDiscord fake, FakeConnector connector)
    {
        Harness = harness;
        Fake = fake;
        Connector = connector;
        Status.Changed += _ => _status.Fire();
    }

    public BotHarness Harness { get; }

    public FakeDiscord Fake { get; }

    public FakeConnector Connector { get; }

    public IServiceProvider Services => Harness.Services;

    public TestClock Clock => Harness.Clock;

    public CapturingLogger Logs => Harness.Logs;

    public GatewayStatus Status => Services.GetRequiredService<GatewayStatus>();

    /// <summary>Everything a Discord test waits on: the gateway's state, the fake's requests and frames, the log.</summary>
    public IReadOnlyList<Pulse> Changes => [_status, Fake.Arrived, Fake.Gateway.Changed, Logs.Logged, Clock.Timers];

    public static async Task<DiscordBot> StartAsync(
        FakeDiscord fake,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        bool start = true,
        Func<DateTimeOffset, CohortDefinition>? cohort = null)
    {
        var clock = fake.Clock as TestClock ?? throw new InvalidOperationException("Start the fake with a TestClock: FakeDiscord.StartAsync(new TestClock()).");
        var connector = new FakeConnector(fake.ConnectAsync);
        var setup = new BotSetup { Clock = clock };
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeDiscord.DefaultToken,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:GuildId"] = FakeDiscord.GuildId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Discord:ReconnectDelayMin"] = ReconnectMin.ToString(),
            ["Discord:ReconnectDelayMax"] = ReconnectMax.ToString(),
            ["Discord:HelloTimeout"] = "00:00:20",
            // Every timer of the bot apart from the others, so a test can tell which one it moves time to:
            // heartbeats (41.25 s), back-offs (1-8 s), deferrals (1.5 s), the inbox sweep (10 min). Requests
            // get a day: moving time for heartbeats must not time out a request still on its way over
            // loopback in real time (tests of timeouts set their own).
            ["Discord:RequestTimeout"] = "1.00:00:00",
            ["Inbound:SweepInterval"] = "00:10:00",
            // The fake's CDN is on loopback: configured as the one file host, private addresses allowed.
            ["Discord:Attachments:AllowedHosts:0"] = fake.BaseUrl,
            ["Discord:Attachments:AllowPrivateAddresses"] = "true",
        })
        {
            setup.Settings[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            setup.Settings[key] = value;
        }

        setup.Services = (services, configuration) =>
        {
            services.AddSingleton<IWebSocketConnector>(connector);
            services.AddDiscordAdapter(configuration);
            // The first beat at the end of the first interval: every beat is then due exactly one interval on.
            services.Configure<DiscordOptions>(o => o.HeartbeatJitter = () => 1);
            configure?.Invoke(services);
        };
        var harness = await BotHarness.StartAsync((cohort ?? Cohort)(clock.GetUtcNow()), setup, start);
        return new DiscordBot(harness, fake, connector);
    }

    /// <summary>A small cohort around "now": week 1 open, week 2 overdue but still taking late proofs, week 3 not open yet.</summary>
    public static CohortDefinition Cohort(DateTimeOffset now) => new CohortBuilder(TimeZoneInfo.Utc, now.AddDays(-14), now.AddDays(60))
        .Certificate(now.AddDays(30), ("aws-saa", "AWS Solutions Architect Associate"))
        .Week(1, now.AddDays(-3), now.AddDays(2), now.AddDays(5), "Foundations", "Modules 1-3")
        .Week(2, now.AddDays(-10), now.AddDays(-1), now.AddDays(3), "Networking")
        .Week(3, now.AddDays(4), now.AddDays(9), now.AddDays(12), "Storage")
        .Event("oh1", EventKind.OfficeHours, now.AddDays(2), title: "Office hours with Ana", speakers: [new("Ana", "Mentor")], joinUrl: "https://meet.example/oh1", capacity: 1)
        .Event("tt1", EventKind.TechTalk, now.AddDays(3), title: "Serverless in practice", company: "Acme")
        .Build();

    public Task StartAsync() => Harness.StartHostAsync();

    public Task WaitForStateAsync(GatewayConnectionState state) =>
        Eventually.TrueAsync(() => Status.State == state, Changes, "gateway state " + state);

    public async Task WaitUntilAsync(Func<bool> condition, string what = "the condition")
    {
        try
        {
            await Eventually.TrueAsync(condition, Changes, what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + " Warnings: " + string.Join("\n", Logs.AtLeast(LogLevel.Warning)) + "\nPending timers: " + string.Join(", ", Clock.Pending), ex);
        }
    }

    /// <summary>Waits for the gateway to back off, then moves time past the wait.</summary>
    public async Task SkipReconnectWaitAsync()
    {
        var wait = await Eventually.ValueAsync(() => Status is { State: GatewayConnectionState.Reconnecting, RetryIn: { } retry } ? (TimeSpan?)retry : null, Changes, "a reconnect back-off");
        await Clock.FireAsync(wait!.Value, "the reconnect back-off timer");
    }

    /// <summary>Moves time to the next heartbeat: the first jitter is fixed at the whole interval, so every beat is one interval on.</summary>
    public Task<TimeSpan> BeatAsync() =>
        Clock.FireAsync(TimeSpan.FromMilliseconds(Fake.Gateway.HeartbeatIntervalMs), "the heartbeat timer");

    public async Task<IReadOnlyList<Submission>> SubmissionsOfAsync(string userId)
    {
        var participant = await Services.GetRequiredService<IParticipantStore>().FindByIdentityAsync(Harness.CohortId, "discord", userId, CancellationToken.None);
        return participant is null ? [] : await Services.GetRequiredService<ISubmissionStore>().LatestWeeklyAsync(participant.Id, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
