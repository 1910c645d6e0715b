using CohortBot.Core.Participants;

namespace CohortBot.Core.Organizers;

/// <summary>How an organizer is written in claims, reviews and the audit log: <c>platform:userId</c>.</summary>
public static class Actor
{
    public static string Of(PlatformUser user) => $"{user.Platform}:{user.UserId}";
}
