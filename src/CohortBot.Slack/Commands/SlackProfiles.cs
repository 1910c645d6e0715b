using System.Collections.Concurrent;
using CohortBot.Core.Participants;
using CohortBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.Commands;

/// <summary>
/// Slack users' display names and locales, from users.info, kept for an hour. A command never
/// waits for it: it uses what the payload carries and what is cached, and a missing or stale
/// profile is looked up in the background — once per person however many commands arrive at once
/// (single flight), paced by the Web API client within users.info's tier limit.
/// </summary>
internal sealed partial class SlackProfiles(SlackWebApi api, TimeProvider clock, ILogger<SlackProfiles> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (SlackProfile Profile, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _lookups = new(StringComparer.Ordinal);
    private int _lookupsStarted;

    /// <summary>Look-ups started so far (one per person and lifetime, whatever the number of commands).</summary>
    public int LookupsStarted => Volatile.Read(ref _lookupsStarted);

    /// <summary>The caller as the core sees them, at once: cached profile, else the payload's name.</summary>
    public PlatformUser Resolve(string userId, string? payloadName)
    {
        var profile = Cached(userId);
        return new PlatformUser(SlackPlatform.Name, userId, profile?.DisplayName ?? payloadName ?? userId, profile?.Locale);
    }

    /// <summary>The cached profile, if any; a missing or stale one is fetched in the background.</summary>
    public SlackProfile? Cached(string userId)
    {
        if (_cache.TryGetValue(userId, out var hit))
        {
            if (hit.Until <= clock.GetUtcNow())
            {
                Refresh(userId);
            }

            return hit.Profile;
        }

        Refresh(userId);
        return null;
    }

    /// <summary>Completes when the look-up for <paramref name="userId"/> in progress (if any) is done.</summary>
    public Task PendingAsync(string userId) => _lookups.TryGetValue(userId, out var task) ? task : Task.CompletedTask;

    private void Refresh(string userId)
    {
        if (_lookups.ContainsKey(userId))
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_lookups.TryAdd(userId, started.Task))
        {
            return;
        }

        Interlocked.Increment(ref _lookupsStarted);
        _ = Task.Run(async () =>
        {
            try
            {
                await LookUpAsync(userId);
            }
            finally
            {
                _lookups.TryRemove(userId, out _);
                started.TrySetResult();
            }
        });
    }

    private async Task LookUpAsync(string userId)
    {
        try
        {
            var user = await api.UserInfoAsync(userId, CancellationToken.None);
            _cache[userId] = (SlackProfile.From(user), clock.GetUtcNow() + Lifetime);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TaskCanceledException)
        {
            // The payload's name serves until the next try; keep a stale profile rather than none.
            LogProfileUnavailable(ex, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "users.info failed for {UserId}; using the name from the payload")]
    private partial void LogProfileUnavailable(Exception ex, string userId);
}
