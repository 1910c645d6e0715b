using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using CohortBot.Core.Commands;
using CohortBot.Core.Concurrency;
using CohortBot.Core.Diagnostics;
using CohortBot.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Inbound;

/// <summary>
/// The one adapter runtime both chat adapters hand their deliveries to. Written once so Discord
/// and Slack behave alike under load:
/// <list type="bullet">
/// <item>Receiving never waits: repeats are dropped in memory, the inbox write starts, and the
/// delivery is queued — nothing that can queue stands before the acknowledgement.</item>
/// <item>Each delivery carries its deadline: answered directly when its answer is ready in time,
/// otherwise deferred at <see cref="IInboundConversation.DeferAt"/> (after its inbox row is durable)
/// and answered later, or by direct message once the platform's reply paths have expired.</item>
/// <item>Memory is bounded: past the queue's capacity a delivery is deferred at once and left in the
/// inbox, from where the sweeper feeds it back when there is room.</item>
/// <item>Nothing acknowledged is lost: on stop the queue is drained; what a stop or a kill leaves
/// behind is finished from the inbox at the next start.</item>
/// </list>
/// </summary>
public sealed partial class InboundRuntime : IAsyncDisposable, IDisposable
{
    private const int Waiting = 0;
    private const int Answering = 1;
    private const int Deferring = 2;

    private readonly IInbox _inbox;
    private readonly Dictionary<string, IInboundRestorer> _restorers;
    private readonly MessageCatalogue _messages;
    private readonly InboundOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<InboundRuntime> _logger;
    private readonly InboundMetrics _metrics;
    private readonly Channel<Tracked> _queue;
    private readonly ConcurrentDictionary<InboxKey, Tracked> _held = new();
    private readonly RecentDeliveries _recent;
    private readonly InFlightCounter _inFlight = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly CancellationTokenSource _stopSweeping = new();
    private readonly Channel<bool> _sweepNow = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task[] _workers = [];
    private Task _sweeper = Task.CompletedTask;
    private int _started;
    private int _disposed;

    public InboundRuntime(
        IInbox inbox,
        IEnumerable<IInboundRestorer> restorers,
        MessageCatalogue messages,
        IOptions<InboundOptions> options,
        TimeProvider clock,
        ILogger<InboundRuntime> logger,
        InboundMetrics? metrics = null)
    {
        _inbox = inbox;
        _restorers = restorers.ToDictionary(r => r.Platform, StringComparer.Ordinal);
        _messages = messages;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _metrics = metrics ?? new InboundMetrics();
        _metrics.Observe(() => Queued, () => Held);
        _recent = new RecentDeliveries(_options.RecentCapacity);
        _queue = Channel.CreateBounded<Tracked>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>Deliveries waiting for a worker.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>Deliveries in memory: queued, running, or being answered.</summary>
    public int Held => _held.Count;

    /// <summary>Completes when no delivery is held in memory (all answered, or left in the inbox).</summary>
    public Task WhenIdleAsync(CancellationToken ct) => _inFlight.WhenIdleAsync(ct);

    /// <summary>Completes when the first sweep (what the inbox held from before this start) has been queued.</summary>
    public Task Recovered => _recovered.Task;

    /// <summary>Starts the workers and the sweeper, whose first pass finishes what a previous run left in the inbox.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        _workers = Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(WorkAsync)).ToArray();
        _sweeper = Task.Run(SweepLoopAsync);
    }

    /// <summary>Takes a delivery and returns at once; the acknowledgement and the answer follow on their own.</summary>
    public void Receive(IInboundConversation conversation)
    {
        var key = conversation.Key;
        var item = new Tracked(conversation);
        _metrics.Received(key.Platform);
        if (!_recent.TryAdd(key) || !_held.TryAdd(key, item))
        {
            _metrics.Duplicate(key.Platform);
            LogRepeat(key.Platform, key.DeliveryId);
            _ = Guarded(conversation.AcknowledgeRepeatAsync(_abandon.Token), key, "acknowledging a repeat");
            return;
        }

        item.Counted = _inFlight.Enter();
        var entry = conversation.Entry;
        item.Durable = entry is null ? Task.FromResult(true) : _inbox.AcceptAsync(entry, _abandon.Token);
        var wait = conversation.DeferAt - _clock.GetUtcNow();
        item.Timer = _clock.CreateTimer(static state => ((InboundRuntime)((object[])state!)[0]).OnDeferPoint((Tracked)((object[])state!)[1]),
            new object[] { this, item }, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        if (!_queue.Writer.TryWrite(item))
        {
            _ = OverflowAsync(item);
        }
    }

    /// <summary>
    /// Stops taking new work and finishes what is queued and running, until <paramref name="ct"/>
    /// gives up; whatever is left stays in the inbox for the next start.
    /// </summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        _queue.Writer.TryComplete();
        await _stopSweeping.CancelAsync();
        try
        {
            await Task.WhenAll(_workers).WaitAsync(ct);
            await _inFlight.WhenIdleAsync(ct);
        }
        catch (OperationCanceledException)
        {
            LogDrainTimedOut(_held.Count);
        }

        try
        {
            await _sweeper.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Abandons what is still running: it stays in the inbox for the next start.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _stopSweeping.Cancel();
        _abandon.Cancel();
        foreach (var item in _held.Values)
        {
            item.Timer?.Dispose();
        }
    }

    private void OnDeferPoint(Tracked item)
    {
        if (Interlocked.CompareExchange(ref item.State, Deferring, Waiting) == Waiting)
        {
            _ = DeferAsync(item);
        }
    }

    private async Task DeferAsync(Tracked item)
    {
        var conversation = item.Conversation;
        try
        {
            // Acknowledged means kept: the deferral waits for the inbox row (normally long done),
            // but not past the window — an answer kept in memory beats a delivery refused outright.
            var left = conversation.AckBy - _clock.GetUtcNow();
            await item.Durable.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, _clock, _abandon.Token);
        }
        catch (TimeoutException)
        {
            LogAckedBeforeKept(conversation.Key.Platform, conversation.Key.DeliveryId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_abandon.IsCancellationRequested)
        {
            LogInboxFailed(ex, conversation.Key.Platform, conversation.Key.DeliveryId);
        }

        LogDeferred(conversation.Key.Platform, conversation.Key.DeliveryId, (_clock.GetUtcNow() - conversation.ReceivedAt).TotalMilliseconds);
        _metrics.Deferred(conversation.Key.Platform);
        try
        {
            await conversation.DeferAsync(_abandon.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_abandon.IsCancellationRequested)
        {
            // The answer still tries its way, and falls back to a direct message.
            LogDeferFailed(ex, conversation.Key.Platform, conversation.Key.DeliveryId);
        }
        finally
        {
            item.Deferred.TrySetResult();
        }
    }

    private async Task OverflowAsync(Tracked item)
    {
        var key = item.Conversation.Key;
        LogOverflow(key.Platform, key.DeliveryId, _options.QueueCapacity);
        _metrics.Overflowed(key.Platform);
        OnDeferPoint(item);
        bool durable;
        try
        {
            durable = await item.Durable;
        }
        catch (Exception ex) when (!_abandon.IsCancellationRequested)
        {
            LogInboxFailed(ex, key.Platform, key.DeliveryId);
            durable = false;
        }

        await item.Deferred.Task;
        if (!durable)
        {
            // Not in the inbox (a repeat, or the write failed): keep it in memory and wait for room.
            await QueueAsync(item);
            return;
        }

        // In the inbox and acknowledged: the sweeper answers it from there when there is room.
        item.Timer?.Dispose();
        Release(item);
        Signal();
    }

    private async Task QueueAsync(Tracked item)
    {
        try
        {
            await _queue.Writer.WriteAsync(item, _abandon.Token);
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            // Stopping: the delivery stays in the inbox for the next start.
            Release(item);
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await ProcessAsync(item);
            }
            catch (Exception ex)
            {
                LogFailed(ex, item.Conversation.Key.Platform, item.Conversation.Key.DeliveryId);
            }
            finally
            {
                Release(item);
            }
        }
    }

    private async Task ProcessAsync(Tracked item)
    {
        var conversation = item.Conversation;
        var key = conversation.Key;
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["Platform"] = key.Platform, ["Delivery"] = key.DeliveryId });
        using var span = CohortTelemetry.Source.StartActivity(ActivityKind.Server, default(ActivityContext), [new("cohortbot.platform", key.Platform)], null, conversation.ReceivedAt, "inbound " + key.Platform);
        bool fresh;
        try
        {
            fresh = await item.Durable;
        }
        catch (Exception ex) when (!_abandon.IsCancellationRequested)
        {
            // Better to answer without the inbox's guarantee than not at all.
            LogInboxFailed(ex, key.Platform, key.DeliveryId);
            fresh = true;
        }

        if (!fresh && !conversation.Restored)
        {
            _metrics.Duplicate(key.Platform);
            LogRepeat(key.Platform, key.DeliveryId);
            if (Interlocked.CompareExchange(ref item.State, Answering, Waiting) == Waiting)
            {
                item.Timer?.Dispose();
                await conversation.AcknowledgeRepeatAsync(_abandon.Token);
            }

            return;
        }

        Reply? reply;
        if (conversation.Restored && conversation.Entry?.ExecutedAt is not null)
        {
            // Its writes committed before the restart but the answer never went out: say so rather than run it twice.
            reply = Reply.Success(_messages.For(conversation.Locale)["inbound.recorded"]);
        }
        else
        {
            reply = await RunAsync(conversation);
        }

        if (await AnswerAsync(item, reply))
        {
            try
            {
                await _inbox.MarkAnsweredAsync(key, _clock.GetUtcNow(), _abandon.Token);
            }
            catch (Exception ex) when (!_abandon.IsCancellationRequested)
            {
                LogInboxFailed(ex, key.Platform, key.DeliveryId);
            }
        }
    }

    private async Task<Reply?> RunAsync(IInboundConversation conversation)
    {
        using var delivery = DeliveryContext.Enter(conversation.Key);
        try
        {
            return await conversation.RunAsync(_abandon.Token);
        }
        catch (Exception ex) when (!_abandon.IsCancellationRequested)
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            LogRunFailed(ex, reference);
            return Reply.Error(_messages.For(conversation.Locale)["error.unexpected", new { reference }]);
        }
    }

    /// <summary>Answers by the best way still open; true when the user has been answered (or there was nothing to say).</summary>
    private async Task<bool> AnswerAsync(Tracked item, Reply? reply)
    {
        var conversation = item.Conversation;
        var key = conversation.Key;
        var ct = _abandon.Token;
        if (!conversation.Restored && Interlocked.CompareExchange(ref item.State, Answering, Waiting) == Waiting)
        {
            item.Timer?.Dispose();
            try
            {
                await conversation.AnswerNowAsync(reply, ct);
                return true;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogAnswerFailed(ex, "the acknowledgement", key.Platform, key.DeliveryId);
                return await DirectlyAsync(conversation, reply, ct);
            }
        }

        await item.Deferred.Task;
        if (_clock.GetUtcNow() < conversation.AnswerBy)
        {
            try
            {
                await conversation.AnswerLaterAsync(reply, ct);
                return true;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogAnswerFailed(ex, "the late answer", key.Platform, key.DeliveryId);
            }
        }

        return await DirectlyAsync(conversation, reply, ct);
    }

    private async Task<bool> DirectlyAsync(IInboundConversation conversation, Reply? reply, CancellationToken ct)
    {
        if (reply is null)
        {
            return true;
        }

        try
        {
            await conversation.AnswerDirectlyAsync(reply, ct);
            _metrics.LateReply(conversation.Key.Platform);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Left unanswered in the inbox: the sweeper tries again, up to Inbound:MaxAttempts.
            LogAnswerFailed(ex, "a direct message", conversation.Key.Platform, conversation.Key.DeliveryId);
            return false;
        }
    }

    private void Release(Tracked item)
    {
        _held.TryRemove(new KeyValuePair<InboxKey, Tracked>(item.Conversation.Key, item));
        item.Counted?.Dispose();
    }

    private void Signal() => _sweepNow.Writer.TryWrite(true);

    private async Task SweepLoopAsync()
    {
        var ct = _stopSweeping.Token;
        try
        {
            await SweepAsync(ct);
            _recovered.TrySetResult();
            var lastPrune = DateTimeOffset.MinValue;
            while (!ct.IsCancellationRequested)
            {
                await WaitForSweepAsync(ct);

                await SweepAsync(ct);
                if (_clock.GetUtcNow() - lastPrune >= _options.SweepInterval * 10)
                {
                    lastPrune = _clock.GetUtcNow();
                    var pruned = await _inbox.PruneAsync(lastPrune - _options.Retention, ct);
                    if (pruned > 0)
                    {
                        LogPruned(pruned);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogSweepFailed(ex);
        }
        finally
        {
            _recovered.TrySetResult();
        }
    }

    private async Task WaitForSweepAsync(CancellationToken ct)
    {
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var interval = Task.Delay(_options.SweepInterval, _clock, tick.Token);
        await Task.WhenAny(interval, _sweepNow.Reader.WaitToReadAsync(ct).AsTask());
        await tick.CancelAsync();
        _sweepNow.Reader.TryRead(out _);
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Feeds what the inbox holds unanswered (and not in memory) back to the workers, oldest first.</summary>
    private async Task SweepAsync(CancellationToken ct)
    {
        var before = _clock.GetUtcNow();
        InboxEntry? after = null;
        while (!ct.IsCancellationRequested)
        {
            var page = await _inbox.UnansweredAsync(before, after, 256, ct);
            foreach (var entry in page)
            {
                await TakeFromInboxAsync(entry, ct);
            }

            if (page.Count < 256)
            {
                return;
            }

            after = page[^1];
        }
    }

    private async Task TakeFromInboxAsync(InboxEntry entry, CancellationToken ct)
    {
        var key = entry.Key;
        if (_held.ContainsKey(key))
        {
            return;
        }

        var conversation = _restorers.TryGetValue(key.Platform, out var restorer) ? restorer.Restore(entry) : null;
        if (conversation is null || entry.Attempts >= _options.MaxAttempts)
        {
            LogGivenUp(key.Platform, key.DeliveryId, entry.Attempts);
            await _inbox.MarkAnsweredAsync(key, _clock.GetUtcNow(), ct);
            return;
        }

        if (!await _inbox.TakeAsync(entry, ct))
        {
            return; // another instance took it first
        }

        var item = new Tracked(conversation) { State = Deferring };
        item.Deferred.TrySetResult();
        if (!_held.TryAdd(key, item))
        {
            return;
        }

        item.Counted = _inFlight.Enter();
        _recent.TryAdd(key);
        LogRestored(key.Platform, key.DeliveryId, entry.ExecutedAt is not null);
        await QueueAsync(item);
    }

    private async Task Guarded(Task task, InboxKey key, string what)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (!_abandon.IsCancellationRequested)
        {
            LogAnswerFailed(ex, what, key.Platform, key.DeliveryId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated {Platform} delivery {DeliveryId}: already taken")]
    private partial void LogRepeat(string platform, string deliveryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Platform} delivery {DeliveryId} not answered after {ElapsedMs:0} ms: deferred")]
    private partial void LogDeferred(string platform, string deliveryId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue full ({Capacity}): {Platform} delivery {DeliveryId} acknowledged now and answered from the inbox")]
    private partial void LogOverflow(string platform, string deliveryId, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "The inbox could not record {Platform} delivery {DeliveryId}")]
    private partial void LogInboxFailed(Exception ex, string platform, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is slow: {Platform} delivery {DeliveryId} acknowledged before the inbox had it (kept in memory only)")]
    private partial void LogAckedBeforeKept(string platform, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deferring {Platform} delivery {DeliveryId} failed")]
    private partial void LogDeferFailed(Exception ex, string platform, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering by {Way} failed for {Platform} delivery {DeliveryId}")]
    private partial void LogAnswerFailed(Exception ex, string way, string platform, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Platform} delivery {DeliveryId} failed")]
    private partial void LogFailed(Exception ex, string platform, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A delivery failed unexpectedly (reference {Reference})")]
    private partial void LogRunFailed(Exception ex, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Finishing {Platform} delivery {DeliveryId} from the inbox (already executed: {Executed})")]
    private partial void LogRestored(string platform, string deliveryId, bool executed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on {Platform} delivery {DeliveryId} after {Attempts} attempts (or it can no longer be read)")]
    private partial void LogGivenUp(string platform, string deliveryId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping with {Count} deliveries unfinished; they stay in the inbox for the next start")]
    private partial void LogDrainTimedOut(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} answered deliveries from the inbox")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The inbox sweeper stopped")]
    private partial void LogSweepFailed(Exception ex);

    private sealed class Tracked(IInboundConversation conversation)
    {
        public int State;

        public IInboundConversation Conversation { get; } = conversation;

        public Task<bool> Durable { get; set; } = Task.FromResult(true);

        /// <summary>Completes once a deferral has gone out (or failed); a late answer waits for it.</summary>
        public TaskCompletionSource Deferred { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ITimer? Timer { get; set; }

        /// <summary>Counts it as held until it is released.</summary>
        public IDisposable? Counted { get; set; }
    }
}
