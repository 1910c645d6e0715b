namespace CohortBot.Core.Organizers;

/// <summary>
/// Organizers per platform (section <c>Organizers</c>), e.g. <c>Organizers:discord:Roles:0</c>,
/// <c>Organizers:slack:Users:0</c>, <c>Organizers:terminal:Users:0</c>.
/// </summary>
public sealed class OrganizerOptions
{
    public const string Section = "Organizers";

    public Dictionary<string, OrganizerSet> Platforms { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>User ids and role (or user-group) ids whose holders are organizers.</summary>
public sealed class OrganizerSet
{
    public List<string> Users { get; } = [];

    public List<string> Roles { get; } = [];
}
