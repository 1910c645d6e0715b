namespace CohortBot.Core.Participants;

/// <summary>Who is speaking, as the platform identifies them.</summary>
/// <param name="Platform">Lowercase platform key: <c>discord</c>, <c>slack</c>, <c>terminal</c>.</param>
/// <param name="UserId">The platform's own user id (snowflake, U…, or terminal name).</param>
/// <param name="DisplayName">Name to show organizers; may contain any script.</param>
/// <param name="Locale">BCP 47 locale reported by the platform, if any (e.g. <c>ko</c>, <c>en-US</c>).</param>
public sealed record PlatformUser(string Platform, string UserId, string DisplayName, string? Locale = null)
{
    /// <summary>Role or user-group ids the platform says the user holds (Discord member roles).</summary>
    public IReadOnlyList<string>? Roles { get; init; }
}
