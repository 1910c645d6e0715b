using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CohortBot.Core.Participants;
using CohortBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.Commands;

/// <summary>
/// Turns a Slack user id into the core's <see cref="PlatformUser"/>, with the display name and
/// locale from users.info (cached for an hour: profiles rarely change and users.info is Tier 4).
/// If Slack cannot be asked, the name from the payload is used rather than failing the command.
/// </summary>
internal sealed partial class SlackUserResolver(SlackWebApi api, TimeProvider clock, ILogger<SlackUserResolver> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (SlackProfile Profile, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<PlatformUser> ResolveAsync(string userId, string? payloadName, CancellationToken ct)
    {
        var profile = await ProfileAsync(userId, ct);
        var name = profile?.DisplayName ?? payloadName ?? userId;
        return new PlatformUser(SlackPlatform.Name, userId, name, profile?.Locale);
    }

    public async Task<SlackProfile?> ProfileAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(userId, out var hit) && hit.Until > now)
        {
            return hit.Profile;
        }

        try
        {
            var user = await api.UserInfoAsync(userId, ct);
            var profile = new SlackProfile(
                FirstNonEmpty(user["profile"]?["display_name"], user["real_name"], user["profile"]?["real_name"], user["name"]),
                Text(user["locale"]),
                Text(user["tz"]));
            _cache[userId] = (profile, now + Lifetime);
            return profile;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogProfileUnavailable(ex, userId);
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static string? FirstNonEmpty(params JsonNode?[] nodes) => nodes.Select(Text).FirstOrDefault(s => s is not null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "users.info failed for {UserId}; using the name from the payload")]
    private partial void LogProfileUnavailable(Exception ex, string userId);
}

/// <summary>What users.info says about a person: display name, locale (e.g. en-US) and IANA time zone.</summary>
internal sealed record SlackProfile(string? DisplayName, string? Locale, string? TimeZone);
