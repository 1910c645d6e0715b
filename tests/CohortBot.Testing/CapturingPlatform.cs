using System.Collections.Concurrent;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Fakes;

namespace CohortBot.Testing;

/// <summary>
/// A real <see cref="IChatPlatform"/> that records what it was asked to send, and when (on the
/// test's clock). It can fail like an outage (<see cref="Fail"/>) or hold sends back like a
/// rate-limited client (<see cref="Hold"/>).
/// </summary>
public sealed class CapturingPlatform(TimeProvider clock, string platform = "terminal") : IChatPlatform
{
    private readonly ConcurrentQueue<SentMessage> _sent = new();

    public string Platform { get; } = platform;

    /// <summary>Set to make the next sends fail, as a platform outage would.</summary>
    public Func<string, Exception?> Fail { get; set; } = _ => null;

    /// <summary>When set, every send waits at it before it is recorded.</summary>
    public Gate? Hold { get; set; }

    /// <summary>Fires at every send.</summary>
    public Pulse Sent { get; } = new();

    public IReadOnlyList<SentMessage> All => _sent.ToList();

    public IReadOnlyList<SentMessage> DirectMessages => _sent.Where(s => !s.IsChannel).ToList();

    /// <summary>Forgets what was sent so far (a test that looks only at what comes next).</summary>
    public void Clear() => _sent.Clear();

    public IReadOnlyList<SentMessage> Direct(string userId) => _sent.Where(s => !s.IsChannel && s.Target == userId).ToList();

    public IReadOnlyList<Reply> To(string userId) => Direct(userId).Select(s => s.Message).ToList();

    public IReadOnlyList<SentMessage> Channel(string channel) => _sent.Where(s => s.IsChannel && s.Target == channel).ToList();

    public Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct) => RecordAsync(false, platformUserId, message, ct);

    public Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct) => RecordAsync(true, channelId, message, ct);

    /// <summary>Waits until what was sent satisfies <paramref name="done"/>.</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<SentMessage>, bool> done, string what = "the expected messages") =>
        Eventually.TrueAsync(() => done(All), Sent, what);

    private async Task RecordAsync(bool isChannel, string target, Reply message, CancellationToken ct)
    {
        if (Hold is { } hold)
        {
            await hold.PassAsync(ct);
        }

        if (Fail(target) is { } ex)
        {
            Sent.Fire();
            throw ex;
        }

        _sent.Enqueue(new SentMessage(isChannel, target, message, clock.GetUtcNow()));
        Sent.Fire();
    }
}
