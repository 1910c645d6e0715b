using CohortBot.Storage;
using CohortBot.Core.Commands;
using CohortBot.Core.Inbound;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Storage.Tests.Inbound;

/// <summary>
/// The adapter runtime on the real inbox (SQLite in a temp folder) and a fake clock: answered in
/// time or deferred at its own deadline, repeats dropped, past capacity deferred at once and
/// answered from the inbox, and what a previous run left behind finished once at the next start.
/// </summary>
public sealed class InboundRuntimeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnAnswerReadyInTime_GoesAsTheAcknowledgement()
    {
        await using var bot = await BotAsync();
        var c = bot.Conversation("1");

        bot.Runtime.Receive(c);
        await bot.IdleAsync();

        Assert.Equal(["run", "now"], c.CallNames);
        Assert.Empty(await bot.UnansweredAsync());
    }

    [Fact]
    public async Task ASlowAnswer_IsDeferredAtItsDeadline_OnceTheInboxHasIt_ThenAnsweredLater()
    {
        await using var bot = await BotAsync();
        var release = new TaskCompletionSource();
        var running = new TaskCompletionSource();
        var c = bot.Conversation("1");
        c.Work = async _ =>
        {
            running.SetResult();
            await release.Task;
            return new Reply("late but here");
        };

        bot.Runtime.Receive(c);
        await running.Task.WaitAsync(Patience);
        bot.Clock.Advance(FakeConversation.DeferAfter - TimeSpan.FromMilliseconds(1));
        Assert.False(c.Deferred.Task.IsCompleted);
        bot.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await c.Deferred.Task.WaitAsync(Patience);
        Assert.Single(await bot.UnansweredAsync(), e => e.DeliveryId == "1");

        release.SetResult();
        await bot.IdleAsync();
        Assert.Equal(["run", "defer", "later"], c.CallNames);
        Assert.Equal("late but here", c.Calls.Last().Text);
        Assert.Equal(c.ReceivedAt + FakeConversation.DeferAfter, c.Calls.Single(x => x.Call == "defer").At);
        Assert.Empty(await bot.UnansweredAsync());
    }

    [Fact]
    public async Task ARepeat_IsAcknowledged_AndNotRunAgain()
    {
        await using var bot = await BotAsync();
        var first = bot.Conversation("1");
        var repeat = bot.Conversation("1");

        bot.Runtime.Receive(first);
        bot.Runtime.Receive(repeat);
        await bot.IdleAsync();

        Assert.Equal(["run", "now"], first.CallNames);
        Assert.Equal(["repeat"], repeat.CallNames);
    }

    [Fact]
    public async Task ARepeatOfADeliveryFromAnEarlierRun_IsCaughtByTheInbox()
    {
        await using var bot = await BotAsync();
        var inbox = bot.Services.Get<IInbox>();
        var earlier = bot.Clock.GetUtcNow().AddMinutes(-1);
        await inbox.AcceptAsync(new InboxEntry("fake", "1", "fake", "u", "{}", earlier), default);
        await inbox.MarkAnsweredAsync(new InboxKey("fake", "1"), earlier, default);
        var repeat = bot.Conversation("1");

        bot.Runtime.Receive(repeat);
        await bot.IdleAsync();

        Assert.Equal(["repeat"], repeat.CallNames);
    }

    [Fact]
    public async Task PastCapacity_ADeliveryIsDeferredAtOnce_AndAnsweredFromTheInbox()
    {
        await using var bot = await BotAsync(o =>
        {
            o.Concurrency = 1;
            o.QueueCapacity = 1;
        });
        var release = new TaskCompletionSource();
        var busy = bot.Conversation("busy");
        busy.Work = async _ =>
        {
            await release.Task;
            return new Reply("busy done");
        };
        var queued = bot.Conversation("queued");
        var overflow = bot.Conversation("overflow");

        bot.Runtime.Receive(busy);
        await WaitAsync(() => busy.Runs == 1);
        bot.Runtime.Receive(queued);
        bot.Runtime.Receive(overflow);

        // No time has passed: the overflow is acknowledged now, not at its deadline, and kept only in the inbox.
        await overflow.Deferred.Task.WaitAsync(Patience);
        Assert.Equal(bot.Clock.GetUtcNow(), overflow.Calls.Single().At);

        release.SetResult();
        await WaitAsync(() => bot.Restorer.Restored.ContainsKey("overflow"));
        await bot.Restorer.Restored["overflow"].Answered.Task.WaitAsync(Patience);
        await bot.IdleAsync();
        Assert.Equal(["run", "now"], busy.CallNames);
        Assert.Equal(["run", "now"], queued.CallNames);
        Assert.Equal(["defer"], overflow.CallNames);
        Assert.Equal(["run", "later"], bot.Restorer.Restored["overflow"].CallNames);
        Assert.Empty(await bot.UnansweredAsync());
    }

    [Fact]
    public async Task AtStart_WhatTheLastRunLeft_IsFinishedOnce_AndWhatItExecuted_IsNotRepeated()
    {
        await using var bot = await BotAsync(start: false);
        var inbox = bot.Services.Get<IInbox>();
        var connections = bot.Services.Get<Database>();
        var before = bot.Clock.GetUtcNow().AddSeconds(-10);
        await inbox.AcceptAsync(new InboxEntry("fake", "not-run", "fake", "u1", "{}", before), default);
        await inbox.AcceptAsync(new InboxEntry("fake", "executed", "fake", "u2", "{}", before), default);
        await inbox.AcceptAsync(new InboxEntry("fake", "answered", "fake", "u3", "{}", before), default);
        await inbox.MarkAnsweredAsync(new InboxKey("fake", "answered"), before, default);
        using (DeliveryContext.Enter(new InboxKey("fake", "executed")))
        {
            // What the command wrote before the crash (any write marks its delivery executed).
            await connections.ExecuteAsync("CREATE TABLE written (x INTEGER)", null, default);
        }

        bot.Runtime.Start();
        await bot.Runtime.Recovered.WaitAsync(Patience);
        await bot.IdleAsync();

        Assert.Equal(["executed", "not-run"], bot.Restorer.Restored.Keys.Order());
        Assert.Equal(["run", "later"], bot.Restorer.Restored["not-run"].CallNames);
        Assert.Equal(["later"], bot.Restorer.Restored["executed"].CallNames);
        Assert.Contains("saved just before the bot restarted", bot.Restorer.Restored["executed"].Calls.Single().Text);
        Assert.Empty(await bot.UnansweredAsync());
    }

    [Fact]
    public async Task PastItsAnswerWindow_ADeliveryIsAnsweredByDirectMessage()
    {
        await using var bot = await BotAsync(start: false);
        await bot.Services.Get<IInbox>().AcceptAsync(new InboxEntry("fake", "old", "fake", "u1", "{}", bot.Clock.GetUtcNow().AddMinutes(-20)), default);

        bot.Runtime.Start();
        await bot.Runtime.Recovered.WaitAsync(Patience);
        await bot.IdleAsync();

        Assert.Equal(["run", "direct"], bot.Restorer.Restored["old"].CallNames);
    }

    [Fact]
    public async Task Draining_FinishesWhatIsQueued_AndGivingUp_LeavesTheRestInTheInbox()
    {
        await using var bot = await BotAsync(o => o.Concurrency = 1);
        var release = new TaskCompletionSource();
        var running = bot.Conversation("running");
        running.Work = async _ =>
        {
            await release.Task;
            return new Reply("finished while draining");
        };
        var stuck = bot.Conversation("stuck");
        stuck.Work = async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        };

        bot.Runtime.Receive(running);
        await WaitAsync(() => running.Runs == 1);
        bot.Runtime.Receive(stuck);
        using var giveUp = new CancellationTokenSource();
        var drain = bot.Runtime.DrainAsync(giveUp.Token);
        Assert.False(drain.IsCompleted);

        release.SetResult();
        await running.Answered.Task.WaitAsync(Patience);
        await WaitAsync(() => stuck.Runs == 1);
        await giveUp.CancelAsync();
        await drain.WaitAsync(Patience);

        Assert.Equal(["run", "now"], running.CallNames);
        Assert.Equal(["stuck"], (await bot.UnansweredAsync()).Select(e => e.DeliveryId));
    }

    private static async Task<Bot> BotAsync(Action<InboundOptions>? options = null, bool start = true)
    {
        FakeRestorer? restorer = null;
        var services = await CohortServices.StartAsync(s =>
        {
            s.AddInboundRuntime();
            s.Configure<InboundOptions>(o => options?.Invoke(o));
            s.AddSingleton<IInboundRestorer>(sp => restorer = new FakeRestorer(sp.GetRequiredService<TimeProvider>()));
        });
        var bot = new Bot(services);
        _ = bot.Restorer;
        if (start)
        {
            bot.Runtime.Start();
            await bot.Runtime.Recovered.WaitAsync(Patience);
        }

        return bot;
    }

    /// <summary>Re-checks whenever a fake conversation runs or is restored; the patience only matters on failure.</summary>
    private static Task WaitAsync(Func<bool> condition) =>
        CohortBot.Fakes.Eventually.TrueAsync(condition, FakeConversation.Activity, "the conversation", Patience);

    private sealed class Bot(CohortServices services) : IAsyncDisposable
    {
        public CohortServices Services => services;

        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => services.Clock;

        public InboundRuntime Runtime { get; } = services.Get<InboundRuntime>();

        public FakeRestorer Restorer { get; } = (FakeRestorer)services.Get<IEnumerable<IInboundRestorer>>().Single();

        public FakeConversation Conversation(string id) => new(id, Clock.GetUtcNow(), Clock);

        public Task IdleAsync() => Runtime.WhenIdleAsync(CancellationToken.None).WaitAsync(Patience);

        public Task<IReadOnlyList<InboxEntry>> UnansweredAsync() =>
            services.Get<IInbox>().UnansweredAsync(Clock.GetUtcNow().AddDays(1), null, 100, default);

        public async ValueTask DisposeAsync()
        {
            await Runtime.DisposeAsync();
            await services.DisposeAsync();
        }
    }
}
