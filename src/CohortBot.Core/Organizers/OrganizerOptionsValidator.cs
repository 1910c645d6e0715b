using CohortBot.Core.Participants;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Organizers;

/// <summary>
/// Start-up checks of <see cref="OrganizerOptions"/>: a misspelt platform (<c>Organizers:discrod</c>)
/// would otherwise leave that platform without a single organizer, silently.
/// </summary>
public sealed class OrganizerOptionsValidator : IValidateOptions<OrganizerOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganizerOptions options)
    {
        var failures = new List<string>();
        foreach (var (platform, set) in options.Platforms)
        {
            if (!PlatformKeys.All.Contains(platform, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"Organizers:{platform} is not a platform; use one of {string.Join(", ", PlatformKeys.All)}.");
            }

            for (var i = 0; i < set.Users.Count; i++)
            {
                Check(set.Users[i], $"Organizers:{platform}:Users:{i}", failures);
            }

            for (var i = 0; i < set.Roles.Count; i++)
            {
                Check(set.Roles[i], $"Organizers:{platform}:Roles:{i}", failures);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string id, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100 || id.Any(char.IsWhiteSpace))
        {
            failures.Add($"{key} must be a user or role id without spaces (at most 100 characters).");
        }
    }
}
