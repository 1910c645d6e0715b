namespace CohortBot.Discord;

/// <summary>Everything the Discord adapter needs (section <c>Discord</c>; env <c>COHORTBOT__DISCORD__TOKEN</c> …).</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token from the Developer Portal. Never logged.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The application id (a snowflake), used for command registration and interaction webhooks.</summary>
    public string ApplicationId { get; set; } = string.Empty;

    /// <summary>Register commands in this guild only (instant); empty registers them globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>REST base; the gateway URL is discovered from <c>{ApiBaseUrl}/gateway/bot</c>, so this moves everything.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>The application's Ed25519 public key, hex; required when the HTTP endpoint is on.</summary>
    public string? PublicKey { get; set; }

    public DiscordHttpInteractionsOptions HttpInteractions { get; set; } = new();

    public DiscordAttachmentOptions Attachments { get; set; } = new();

    /// <summary>
    /// How long after receipt an interaction without its answer is deferred. Discord allows 3 s in
    /// all; the rest is kept for the deferral's own request when the bot or the network is slow.
    /// </summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Timeout of one REST call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for Hello after the socket opens.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>First reconnect back-off; it doubles (with jitter) up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Where in the first heartbeat interval the first beat goes, a draw from [0, 1): random, so a
    /// fleet of reconnecting clients does not beat in step. Tests fix it to know when the beat is due.
    /// </summary>
    internal Func<double> HeartbeatJitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>
    /// How many rate-limit buckets are kept before idle ones are swept (webhook tokens make one per
    /// interaction). Tests set it small, to see the sweep without thousands of requests.
    /// </summary>
    internal int BucketSweepAbove { get; set; } = 512;

    /// <summary>The reconnect delays as the one back-off policy.</summary>
    internal CohortBot.Core.Resilience.BackoffPolicy ReconnectBackoff => new(ReconnectDelayMin, ReconnectDelayMax);

    /// <summary>Requests per second to Discord outside interaction endpoints (Discord's global limit is 50).</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Retries of a request after a 5xx or a network error (429s are always retried).</summary>
    public int ServerErrorRetries { get; set; } = 4;
}
