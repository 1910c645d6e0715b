using CohortBot.Core.Participants;

namespace CohortBot.Core.Organizers;

/// <summary>Decides on the server side whether a platform user may run organizer commands.</summary>
public interface IOrganizerPolicy
{
    bool IsOrganizer(PlatformUser user);
}
