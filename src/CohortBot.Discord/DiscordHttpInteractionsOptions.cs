namespace CohortBot.Discord;

/// <summary>The optional HTTP interactions transport (section <c>Discord:HttpInteractions</c>).</summary>
public sealed class DiscordHttpInteractionsOptions
{
    public bool Enabled { get; set; }

    /// <summary>Kestrel URLs to listen on, separated by ';', e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Requests whose signed timestamp is further than this from now are refused (our hardening).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
