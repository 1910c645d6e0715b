namespace CohortBot.Slack;

/// <summary>The Slack adapter's settings (section <c>Slack</c>); checked by <see cref="SlackOptionsValidator"/> at start.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>App-level token (xapp-…) with <c>connections:write</c>, for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Bot token (xoxb-…) for the Web API and for downloading files.</summary>
    public string? BotToken { get; set; }

    /// <summary>Web API base; every method URL and the Socket Mode ticket come from here.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Signing secret, needed only by the HTTP mode.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>
    /// How long after receipt a reply may take and still ride on the acknowledgement; after it the
    /// acknowledgement goes empty and the answer follows by response_url. Slack's hard limit is 3 s;
    /// the rest is kept for the acknowledgement itself when the bot or the network is slow.
    /// </summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Timeout of one Web API request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a new socket may take to say hello before it is given up.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First reconnect delay after a dropped socket; doubles up to <see cref="ReconnectMaxDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a call after a 5xx or a network error, for calls that may safely run twice (429s are handled apart).</summary>
    public int ServerErrorRetries { get; set; } = 4;

    /// <summary>How many 429 answers in a row one call waits out before giving up.</summary>
    public int MaxRateLimitRetries { get; set; } = 10;

    /// <summary>
    /// Largest file the adapter uploads (CSV exports, calendars, proof images); larger ones are
    /// left out and the reader is told. Slack itself accepts up to 1 GB.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Asks Slack for short-lived sockets (about 360 s) to exercise reconnects.</summary>
    public bool DebugReconnects { get; set; }

    public SlackHttpOptions Http { get; set; } = new();
}
