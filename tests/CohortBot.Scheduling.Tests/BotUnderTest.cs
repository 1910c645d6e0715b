using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Notifications;
using CohortBot.Core.Participants;
using CohortBot.Host;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CohortBot.Scheduling.Tests;

/// <summary>
/// The real host (composition root, migrations, cohort sync, Quartz) on a temp SQLite file, with a
/// fake clock and a capturing platform. Stopping and starting another on the same folder is a restart.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IScheduler _scheduler;
    private readonly Pulse _fired = new();
    private readonly FiringListener _listener;

    private BotUnderTest(IHost host, CapturingPlatform platform, FakeTimeProvider clock, IScheduler scheduler)
    {
        _host = host;
        Platform = platform;
        Clock = clock;
        _scheduler = scheduler;
        _listener = new FiringListener(_fired);
        scheduler.ListenerManager.AddTriggerListener(_listener);
        scheduler.ListenerManager.AddJobListener(_listener);
    }

    public CapturingPlatform Platform { get; }

    /// <summary>Waits until <paramref name="probe"/> has a value, re-checked whenever the scheduler fires, runs or completes a trigger.</summary>
    public Task<T> WhenAsync<T>(Func<Task<T?>> probe, string what)
        where T : class => CohortBot.Fakes.Eventually.ValueAsync(() => probe().GetAwaiter().GetResult(), _fired, what);

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>An empty cohort in Asia/Seoul from September to February; a test adds the weeks, events and roster it needs.</summary>
    public static CohortBuilder Cohort() => new(SampleCohort.Seoul, SampleCohort.Kst(2026, 9, 1, 0, 0), SampleCohort.Kst(2027, 2, 28, 23, 59));

    /// <summary>A one-hour event with a company, a topic, a speaker and a join link, as an announcement shows them.</summary>
    public static void Talk(CohortBuilder cohort, string id, EventKind kind, DateTimeOffset starts) =>
        cohort.Event(id, kind, starts, title: "Talk " + id, company: "Hyperconnect", topic: "On-device ML",
            speakers: [new Speaker("Kim Seoyeon", "ML Engineer")], joinUrl: "https://meet.example.com/" + id);

    public static Task<BotUnderTest> StartAsync(TestFolder folder, CohortBuilder cohort, DateTimeOffset now, params string[] settings) =>
        StartAsync(folder, cohort, now, _ => { }, settings);

    /// <param name="services">Last word on the host's services (e.g. a store that fails on purpose).</param>
    public static async Task<BotUnderTest> StartAsync(TestFolder folder, CohortBuilder cohort, DateTimeOffset now, Action<IServiceCollection> services, params string[] settings)
    {
        File.WriteAllText(folder.CohortFile, cohort.ToYaml());
        var clock = new FakeTimeProvider(now);
        var platform = new CapturingPlatform(clock);
        string[] args =
        [
            $"--Cohort:File={folder.CohortFile}",
            .. TestStorage.HostArguments(folder.Database, folder.PostgresDatabase),
            $"--Storage:ProofDirectory={Path.Combine(folder.Path, "proofs")}",
            "--Terminal:Enabled=false",
            "--Logging:LogLevel:Default=" + (Environment.GetEnvironmentVariable("TEST_LOG") ?? "Warning"),
            "--Logging:LogLevel:Quartz=" + (Environment.GetEnvironmentVariable("TEST_LOG") ?? "Warning"),
            .. settings,
        ];
        var host = CohortBotHost.Build(args, b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Services.AddSingleton<IChatPlatform>(platform);
        }, services);
        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return new BotUnderTest(host, platform, clock, scheduler);
    }

    /// <summary>
    /// Moves the fake clock to <paramref name="instant"/>, stopping at every moment a cohort job is
    /// due (so it fires at its own time, as on a real clock) and at least every <see cref="MaxStep"/>
    /// (one jump of days would land the misfire scan on every trigger at once), and after each move
    /// waits until the scheduler has run everything due by then. When it returns, what was due has been sent.
    /// </summary>
    /// <param name="waitForJobs">False when the test holds the sends itself: the clock moves, jobs start, nothing is awaited.</param>
    public async Task AdvanceToAsync(DateTimeOffset instant, bool waitForJobs = true)
    {
        IReadOnlyDictionary<TriggerKey, int> expected = new Dictionary<TriggerKey, int>();
        while (true)
        {
            if (waitForJobs)
            {
                await SettledAsync(expected);
            }

            var now = Clock.GetUtcNow();
            if (now >= instant)
            {
                return;
            }

            var step = now + MaxStep < instant ? now + MaxStep : instant;
            if (await NextMomentAsync() is { } next && next > now && next < step)
            {
                step = next;
            }

            // What falls due by the step must be seen fired (and finished) or misfired before the next move.
            expected = (await DueByAsync(step)).ToDictionary(k => k, _listener.Finished);
            Clock.SetUtcNow(step);
        }
    }

    private async Task<List<TriggerKey>> DueByAsync(DateTimeOffset instant)
    {
        var due = new List<TriggerKey>();
        foreach (var key in await _scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()))
        {
            if (key.Group != SweepGroup && await _scheduler.GetTrigger(key) is { NextFireTimeUtc: { } next } && next <= instant)
            {
                due.Add(key);
            }
        }

        return due;
    }

    public static TimeSpan MaxStep { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The outbox sweep's trigger group: it beats every minute and retries on its own, so it is not waited for.</summary>
    private const string SweepGroup = "outbox";

    /// <summary>
    /// Waits until every cohort trigger due by now has run its job (or was found misfired) and none is still due. Re-checked at each
    /// trigger the scheduler fires, completes, skips or finds misfired. The patience only matters on failure.
    /// </summary>
    private async Task SettledAsync(IReadOnlyDictionary<TriggerKey, int> expected)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var fired = _fired.Next;
            if (expected.All(e => _listener.Finished(e.Key) > e.Value) && await IsSettledAsync())
            {
                return;
            }

            try
            {
                await fired.WaitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                var due = await DueByAsync(Clock.GetUtcNow());
                var waiting = expected.Where(e => _listener.Finished(e.Key) <= e.Value).Select(e => e.Key.ToString());
                throw new TimeoutException($"The scheduler did not settle at {Clock.GetUtcNow():O}: {_listener.Running} cohort job(s) running; due {string.Join(", ", due)}; not yet seen {string.Join(", ", waiting)}.");
            }
        }
    }

    private async Task<bool> IsSettledAsync() => _listener.Running == 0 && (await DueByAsync(Clock.GetUtcNow())).Count == 0;

    /// <summary>The next instant a cohort's moment or digest is due; the outbox sweep's every-minute beat does not count.</summary>
    private async Task<DateTimeOffset?> NextMomentAsync()
    {
        DateTimeOffset? earliest = null;
        foreach (var key in await _scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()))
        {
            if (key.Group != SweepGroup && await _scheduler.GetTrigger(key) is { } trigger && trigger.NextFireTimeUtc is { } next && (earliest is null || next < earliest))
            {
                earliest = next;
            }
        }

        return earliest;
    }

    public async Task<Participant> ParticipantAsync(string name)
    {
        var cohort = await CohortAsync();
        return (await Services.GetRequiredService<IParticipantStore>().FindByIdentityAsync(cohort.Id, "terminal", name, CancellationToken.None))!;
    }

    public async Task<Cohort> CohortAsync() =>
        (await Services.GetRequiredService<ICohortStore>().FindAsync("test-cohort", CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        Platform.Hold?.Open();
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnectionFactory.ReleaseAll();
    }
}

/// <summary>A temp folder holding one bot's database and cohort file; deleted at the end.</summary>
public sealed class TestFolder : IDisposable
{
    private readonly Lazy<PostgresTestDatabase> _postgres = new(() => new PostgresTestDatabase());

    public string Path { get; } = Directory.CreateTempSubdirectory("cohortbot-sched-").FullName;

    public string Database => System.IO.Path.Combine(Path, "db.sqlite");

    public string CohortFile => System.IO.Path.Combine(Path, "cohort.yaml");

    /// <summary>The folder's PostgreSQL database, for the PostgreSQL pass: every bot started on this folder shares it.</summary>
    public string PostgresDatabase() => _postgres.Value.ConnectionString;

    public void Dispose()
    {
        SqliteConnectionFactory.ReleaseAll();
        if (_postgres.IsValueCreated)
        {
            _postgres.Value.Dispose();
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Announces every trigger the scheduler fires, completes or finds misfired, and every job it finishes.</summary>
internal sealed class FiringListener(Pulse pulse) : ITriggerListener, IJobListener
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TriggerKey, int> _finished = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _counted = new();
    private int _running;

    public string Name => "tests";

    /// <summary>Cohort triggers fired whose job has not completed yet (the outbox sweep is left out).</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>How often the trigger has completed a job or been found misfired.</summary>
    public int Finished(TriggerKey key) => _finished.GetValueOrDefault(key);

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (trigger.Key.Group != "outbox" && _counted.TryAdd(context.FireInstanceId, 0))
        {
            Interlocked.Increment(ref _running);
        }

        return Fire();
    }

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => Finish(trigger);

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => Finish(trigger);

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default)
    {
        // A job fired at start-up, before this listener was attached, was never counted: its end is not uncounted either.
        if (_counted.TryRemove(context.FireInstanceId, out _))
        {
            Interlocked.Decrement(ref _running);
        }

        return Finish(trigger);
    }

    private ValueTask Finish(ITrigger trigger)
    {
        _finished.AddOrUpdate(trigger.Key, 1, (_, n) => n + 1);
        return Fire();
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => Fire();

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => Fire();

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) => Fire();

    private ValueTask Fire()
    {
        pulse.Fire();
        return ValueTask.CompletedTask;
    }
}
