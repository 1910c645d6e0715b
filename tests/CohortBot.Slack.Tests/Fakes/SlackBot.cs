using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Core.Transport;
using CohortBot.Fakes;
using CohortBot.Slack.SocketMode;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.Tests.Fakes;

/// <summary>
/// The shared <see cref="BotHarness"/> with the Slack adapter, pointed at a <see cref="FakeSlack"/>:
/// the Web API over loopback HTTP, Socket Mode over an in-memory WebSocket, all on the fake's
/// <see cref="TestClock"/>. Acknowledgement deadlines, hello timeouts and reconnect back-offs move
/// only when a test moves time; until then every answer that comes at all rides on its acknowledgement.
/// </summary>
public sealed class SlackBot : IAsyncDisposable
{
    /// <summary>The first reconnect waits between half of this and all of it; each failure doubles the ceiling.</summary>
    public static readonly TimeSpan ReconnectBase = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan ReconnectMax = TimeSpan.FromMinutes(4);

    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(20);

    private SlackBot(BotHarness harness, FakeSlack fake, FakeConnector connector, DateTimeOffset start)
    {
        Harness = harness;
        Fake = fake;
        Connector = connector;
        Start = start;
    }

    public BotHarness Harness { get; }

    public FakeSlack Fake { get; }

    public FakeConnector Connector { get; }

    public IServiceProvider Services => Harness.Services;

    public TestClock Clock => Harness.Clock;

    /// <summary>Warnings and errors logged by the adapter (and the Kestrel of its HTTP mode).</summary>
    public CapturingLogger Logs => Harness.Logs;

    public long CohortId => Harness.CohortId;

    /// <summary>When the cohort's week 1 opened.</summary>
    public DateTimeOffset Start { get; }

    public SlackConnectionStatus Status => Services.GetRequiredService<SlackConnectionStatus>();

    public static async Task<SlackBot> StartAsync(FakeSlack fake, Action<Dictionary<string, string?>>? configure = null)
    {
        var clock = fake.Clock as TestClock ?? throw new InvalidOperationException("Start the fake with a TestClock: FakeSlack.StartAsync(new TestClock()).");
        var connector = new FakeConnector(fake.ConnectAsync);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = FakeSlack.AppToken,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = fake.ApiBase.ToString(),
            // Every timer of the bot apart from the others, so a test can tell which one it moves time to:
            // deferrals (1.5 s), the acknowledgement window (2.5 s), Retry-After (1 s), hello (20 s),
            // reconnect back-offs (30 s-4 min). Requests get a day and the inbox sweep an hour: moving time must not
            // time out a request still on its way over loopback in real time, nor bring the sweep into
            // the back-offs' range.
            ["Slack:ReconnectBaseDelay"] = ReconnectBase.ToString(),
            ["Slack:ReconnectMaxDelay"] = ReconnectMax.ToString(),
            ["Slack:HelloTimeout"] = HelloTimeout.ToString(),
            ["Slack:RequestTimeout"] = "1.00:00:00",
            ["Inbound:SweepInterval"] = "01:00:00",
        };
        configure?.Invoke(settings);

        var setup = new BotSetup { Clock = clock, MinimumLogLevel = LogLevel.Warning };
        foreach (var (key, value) in settings)
        {
            setup.Settings[key] = value;
        }

        setup.Services = (services, configuration) =>
        {
            services.AddSingleton<IWebSocketConnector>(connector);
            services.AddSlackAdapter(configuration);
        };
        var start = clock.GetUtcNow().AddDays(-1);
        var harness = await BotHarness.StartAsync(Definition(start), setup);
        return new SlackBot(harness, fake, connector, start);
    }

    /// <summary>Two weeks (week 1 open now, week 2 next week), two events (office hours with one seat), one certificate.</summary>
    public static CohortDefinition Definition(DateTimeOffset start) => new CohortBuilder(TimeZoneInfo.Utc, start, start.AddDays(60))
        .Certificate(start.AddDays(30), ("aws-ccp", "AWS Cloud Practitioner"))
        .Week(1, start, start.AddDays(4), start.AddDays(11), "Foundations", "Lessons 1-5")
        .Week(2, start.AddDays(7), start.AddDays(11), start.AddDays(18), "Networking", "Lessons 6-10")
        .Event("oh-1", EventKind.OfficeHours, start.AddDays(3), title: "Office hours <week 1>", joinUrl: "https://meet.example/oh", capacity: 1)
        .Event("tt-1", EventKind.TechTalk, start.AddDays(5), title: "Tech talk & demo", company: "Acme", speakers: [new("Grace", "Engineer")])
        .Build();

    public async Task<Submission?> LatestSubmissionAsync(string slackUserId, int week)
    {
        var participant = await Harness.ParticipantAsync(SlackPlatform.Name, slackUserId);
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
        var changed = new Pulse();
        Action fire = changed.Fire;
        Status.Changed += fire;
        try
        {
            await Eventually.TrueAsync(() => Status.State == state, changed, $"the Slack connection to be {state}");
        }
        finally
        {
            Status.Changed -= fire;
        }
    }

    /// <summary>Waits for the reconnect back-off to be set (no other timer of the bot is that long), then moves time past it.</summary>
    public Task<TimeSpan> SkipReconnectWaitAsync() =>
        Clock.FireAsync(IsBackoff, "the reconnect back-off timer");

    /// <summary>A delay the back-off could have drawn: from half the first ceiling to the longest.</summary>
    public static bool IsBackoff(TimeSpan due) => due >= ReconnectBase / 2 && due <= ReconnectMax;

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
