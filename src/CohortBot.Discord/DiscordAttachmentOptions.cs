using CohortBot.Core.Fetching;

namespace CohortBot.Discord;

/// <summary>Where attachments may be downloaded from (section <c>Discord:Attachments</c>).</summary>
public sealed class DiscordAttachmentOptions
{
    /// <summary>Discord's own file hosts, used when <see cref="AllowedHosts"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultHosts = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>
    /// Hosts (https) or full origins (<c>http://127.0.0.1:5080</c>) attachments are fetched from;
    /// anything else, and any redirect off them, is refused. A list in configuration replaces the defaults.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Lets the allowed hosts resolve to loopback or private addresses (a local test server only).</summary>
    public bool AllowPrivateAddresses { get; set; }

    public FileFetchPolicy Policy()
    {
        var origins = new List<FileOrigin>();
        foreach (var host in AllowedHosts.Count > 0 ? AllowedHosts : DefaultHosts)
        {
            if (FileOrigin.TryParse(host, out var origin, AllowPrivateAddresses))
            {
                origins.Add(origin);
            }
        }

        return new FileFetchPolicy(origins);
    }
}
