using CohortBot.Core.Commands;

namespace CohortBot.Core.Notifications;

/// <summary>
/// The outgoing half of a chat adapter: what the core needs to reach people without being asked
/// (waitlist promotions, reminders, announcements, digests). Incoming commands reach the core
/// through <see cref="CommandDispatcher"/>. One implementation per platform; a Discord.Net or
/// SlackNet based adapter would implement the same two methods.
/// </summary>
public interface IChatPlatform
{
    /// <summary>Lowercase platform key, matching <see cref="Participants.PlatformUser.Platform"/>.</summary>
    string Platform { get; }

    /// <summary>Sends a direct message; the platform's rate limits are the adapter's to respect.</summary>
    Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct);

    /// <summary>Posts to a channel (announcements, organizer digests).</summary>
    Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct);
}
