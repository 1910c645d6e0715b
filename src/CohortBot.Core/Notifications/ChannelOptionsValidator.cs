using Microsoft.Extensions.Options;

namespace CohortBot.Core.Notifications;

/// <summary>Start-up checks of <see cref="ChannelOptions"/>: known platforms, no blank or oversized ids.</summary>
public sealed class ChannelOptionsValidator : IValidateOptions<ChannelOptions>
{

    public ValidateOptionsResult Validate(string? name, ChannelOptions options)
    {
        var failures = new List<string>();
        foreach (var (platform, set) in options.Platforms)
        {
            if (!Participants.PlatformKeys.All.Contains(platform, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"Channels:{platform} is not a platform; use one of {string.Join(", ", Participants.PlatformKeys.All)}.");
            }

            Check(set.Announcements, $"Channels:{platform}:Announcements", failures);
            Check(set.Organizers, $"Channels:{platform}:Organizers", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string? channel, string key, List<string> failures)
    {
        if (channel is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(channel) || channel.Length > 100 || channel.Any(char.IsWhiteSpace))
        {
            failures.Add($"{key} must be a channel id without spaces (at most 100 characters), or left out.");
        }
    }
}
