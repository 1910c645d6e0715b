using System.Collections.Concurrent;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;

namespace CohortBot.Organizers.Tests;

/// <summary>The terminal platform as the notifier sees it, keeping every DM for assertions.</summary>
internal sealed class CapturingPlatform : IChatPlatform
{
    public ConcurrentQueue<(string UserId, Reply Message)> Sent { get; } = new();

    public string Platform => "terminal";

    public IReadOnlyList<Reply> To(string userId) => Sent.Where(s => s.UserId == userId).Select(s => s.Message).ToList();

    public Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct)
    {
        Sent.Enqueue((platformUserId, message));
        return Task.CompletedTask;
    }

    public Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct) => Task.CompletedTask;
}
