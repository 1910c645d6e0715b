namespace CohortBot.Slack.WebApi;

/// <summary>At most <see cref="Count"/> calls in any <see cref="Window"/>, per key.</summary>
internal sealed record RateLimit(int Count, TimeSpan Window)
{
    public static readonly RateLimit Tier2 = new(20, TimeSpan.FromMinutes(1));
    public static readonly RateLimit Tier3 = new(50, TimeSpan.FromMinutes(1));
    public static readonly RateLimit Tier4 = new(100, TimeSpan.FromMinutes(1));

    /// <summary>chat.postMessage allows about one message per second per channel, with short bursts.</summary>
    public static readonly RateLimit PerChannel = new(5, TimeSpan.FromSeconds(5));

    /// <summary>
    /// The queue key and pace of a method: chat.* methods queue per channel (Slack limits messages
    /// per channel), others per method (Slack's tiers are per method and workspace).
    /// </summary>
    public static (string Key, RateLimit Limit) For(string method, string? channel) => method switch
    {
        _ when method.StartsWith("chat.", StringComparison.Ordinal) && channel is not null => ("chat:" + channel, PerChannel),
        "users.info" or "views.open" or "files.info" or "files.getUploadURLExternal" or "files.completeUploadExternal" => (method, Tier4),
        "conversations.open" or "apps.connections.open" or "chat.update" => (method, Tier3),
        _ => (method, Tier2),
    };
}
