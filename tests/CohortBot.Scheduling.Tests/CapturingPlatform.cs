using System.Collections.Concurrent;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;

namespace CohortBot.Scheduling.Tests;

/// <summary>A real <see cref="IChatPlatform"/> that records what it was asked to send, and when (on the test's clock).</summary>
public sealed class CapturingPlatform(TimeProvider clock, string platform = "terminal") : IChatPlatform
{
    private readonly ConcurrentQueue<Sent> _sent = new();

    public string Platform { get; } = platform;

    /// <summary>Set to make the next sends fail, as a platform outage would.</summary>
    public Func<string, Exception?> Fail { get; set; } = _ => null;

    /// <summary>Real time each send takes, like a rate-limited client waiting its turn.</summary>
    public TimeSpan Latency { get; set; }

    public IReadOnlyList<Sent> All => _sent.ToList();

    public IReadOnlyList<Sent> Direct(string userId) => _sent.Where(s => !s.IsChannel && s.Target == userId).ToList();

    public IReadOnlyList<Sent> Channel(string channel) => _sent.Where(s => s.IsChannel && s.Target == channel).ToList();

    public Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct) => Record(false, platformUserId, message);

    public Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct) => Record(true, channelId, message);

    /// <summary>Polls (in real time) until <paramref name="done"/> holds; scheduler threads deliver asynchronously.</summary>
    public async Task<bool> WaitUntilAsync(Func<IReadOnlyList<Sent>, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < until)
        {
            if (done(All))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return done(All);
    }

    private async Task Record(bool isChannel, string target, Reply message)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }

        if (Fail(target) is { } ex)
        {
            throw ex;
        }

        _sent.Enqueue(new Sent(isChannel, target, message, clock.GetUtcNow()));
    }

    public sealed record Sent(bool IsChannel, string Target, Reply Message, DateTimeOffset At);
}
