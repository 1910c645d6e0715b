namespace CohortBot.Core.Notifications;

/// <summary>
/// Channels the bot posts to on its own, per platform (section <c>Channels</c>):
/// <c>Channels:discord:Announcements=&lt;channel id&gt;</c>, <c>Channels:slack:Organizers=C0…</c>,
/// <c>Channels:terminal:Announcements=announcements</c>. A platform without an entry gets no posts.
/// </summary>
public sealed class ChannelOptions
{
    public const string Section = "Channels";

    public Dictionary<string, ChannelSet> Platforms { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Find(string platform, ChannelKind kind) =>
        Platforms.TryGetValue(platform, out var set)
            ? kind == ChannelKind.Announcements ? set.Announcements : set.Organizers
            : null;
}

/// <summary>The announcement channel (speaker announcements) and the organizers' channel (digests).</summary>
public sealed class ChannelSet
{
    public string? Announcements { get; set; }

    public string? Organizers { get; set; }
}

public enum ChannelKind
{
    Announcements,
    Organizers,
}
