using System.Collections.Concurrent;
using CohortBot.Core.Commands;
using CohortBot.Core.Inbound;

namespace CohortBot.Storage.Tests.Inbound;

/// <summary>
/// The platform side of one delivery, recorded: which ways it was answered, in what order, at what
/// (fake) time. <see cref="Work"/> decides what running it does; every call is signalled.
/// </summary>
internal sealed class FakeConversation(string id, DateTimeOffset receivedAt, TimeProvider clock, bool restored = false) : IInboundConversation
{
    public static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(1.5);

    public ConcurrentQueue<(string Call, DateTimeOffset At, string? Text)> Calls { get; } = new();

    public Func<CancellationToken, Task<Reply?>> Work { get; set; } = _ => Task.FromResult<Reply?>(new Reply("done"));

    public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Deferred { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Runs;

    /// <summary>Fires whenever any fake conversation starts running or is restored from the inbox.</summary>
    public static CohortBot.Fakes.Pulse Activity { get; } = new();

    public InboxKey Key { get; } = new("fake", id);

    public DateTimeOffset ReceivedAt => receivedAt;

    public DateTimeOffset DeferAt => receivedAt + DeferAfter;

    public DateTimeOffset AckBy => receivedAt + TimeSpan.FromSeconds(2.5);

    public DateTimeOffset AnswerBy => receivedAt + TimeSpan.FromMinutes(15);

    public string? Locale => "en";

    public InboxEntry? Entry { get; init; } = new("fake", id, "fake", "user-" + id, "{}", receivedAt);

    public bool Restored => restored;

    public async Task<Reply?> RunAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref Runs);
        Calls.Enqueue(("run", clock.GetUtcNow(), null));
        Activity.Fire();
        return await Work(ct);
    }

    public Task AnswerNowAsync(Reply? reply, CancellationToken ct) => Record("now", reply, Answered);

    public Task DeferAsync(CancellationToken ct) => Record("defer", null, Deferred);

    public Task AnswerLaterAsync(Reply? reply, CancellationToken ct) => Record("later", reply, Answered);

    public Task AnswerDirectlyAsync(Reply reply, CancellationToken ct) => Record("direct", reply, Answered);

    public Task AcknowledgeRepeatAsync(CancellationToken ct) => Record("repeat", null, Answered);

    public IReadOnlyList<string> CallNames => Calls.Select(c => c.Call).ToList();

    private Task Record(string call, Reply? reply, TaskCompletionSource signal)
    {
        Calls.Enqueue((call, clock.GetUtcNow(), reply?.Text));
        signal.TrySetResult();
        return Task.CompletedTask;
    }
}
