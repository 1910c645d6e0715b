using CohortBot.Core.Participants;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Organizers;

/// <summary>Organizers are whoever configuration names, by user id or by a role the platform reports.</summary>
public sealed class ConfiguredOrganizerPolicy(IOptions<OrganizerOptions> options) : IOrganizerPolicy
{
    public bool IsOrganizer(PlatformUser user)
    {
        if (!options.Value.Platforms.TryGetValue(user.Platform, out var set))
        {
            return false;
        }

        return set.Users.Contains(user.UserId, StringComparer.Ordinal)
            || (user.Roles?.Any(r => set.Roles.Contains(r, StringComparer.Ordinal)) ?? false);
    }
}
