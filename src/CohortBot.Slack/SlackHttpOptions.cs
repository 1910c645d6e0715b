namespace CohortBot.Slack;

/// <summary>The optional HTTP transport (section <c>Slack:Http</c>), off by default.</summary>
public sealed class SlackHttpOptions
{
    public bool Enabled { get; set; }

    /// <summary>Kestrel listen URLs, separated by ';'.</summary>
    public string Urls { get; set; } = "http://0.0.0.0:3000";

    public string CommandsPath { get; set; } = "/slack/commands";

    public string InteractivityPath { get; set; } = "/slack/interactivity";
}
