using Microsoft.Extensions.Options;

namespace CohortBot.Discord;

/// <summary>Checks the Discord section at start-up, naming the key that is wrong.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Token))
        {
            errors.Add("Discord:Token is required: the bot token from the Developer Portal (env COHORTBOT__DISCORD__TOKEN).");
        }

        if (!IsSnowflake(o.ApplicationId))
        {
            errors.Add("Discord:ApplicationId is required and must be the application's numeric id.");
        }

        if (!string.IsNullOrWhiteSpace(o.GuildId) && !IsSnowflake(o.GuildId))
        {
            errors.Add("Discord:GuildId must be a numeric guild id, or empty to register commands globally.");
        }

        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add("Discord:ApiBaseUrl must be an absolute http(s) URL, e.g. https://discord.com/api/v10.");
        }

        if (o.HttpInteractions.Enabled && !IsHex(o.PublicKey, 64))
        {
            errors.Add("Discord:PublicKey must be the application's 64-character hex public key when Discord:HttpInteractions:Enabled is true.");
        }

        if (o.HttpInteractions.Enabled && !AreListenUrls(o.HttpInteractions.Urls))
        {
            errors.Add($"Discord:HttpInteractions:Urls must be http(s) URLs separated by ';', e.g. http://127.0.0.1:5080; '{o.HttpInteractions.Urls}' is not.");
        }

        foreach (var host in o.Attachments.AllowedHosts.Where(h => !Core.Fetching.FileOrigin.TryParse(h, out _)))
        {
            errors.Add($"Discord:Attachments:AllowedHosts has '{host}', which is neither a host name (cdn.discordapp.com) nor an origin (http://127.0.0.1:5080).");
        }

        if (o.DeferAfter <= TimeSpan.Zero || o.DeferAfter > TimeSpan.FromSeconds(2.5))
        {
            errors.Add("Discord:DeferAfter must be more than 0 and at most 00:00:02.5 (Discord allows 3 seconds for the first answer).");
        }

        if (o.RequestTimeout <= TimeSpan.Zero || o.HelloTimeout <= TimeSpan.Zero)
        {
            errors.Add("Discord:RequestTimeout and Discord:HelloTimeout must be positive.");
        }

        if (o.ReconnectDelayMin <= TimeSpan.Zero || o.ReconnectDelayMax < o.ReconnectDelayMin)
        {
            errors.Add("Discord:ReconnectDelayMin must be positive and not above Discord:ReconnectDelayMax.");
        }

        if (o.GlobalRequestsPerSecond is < 1 or > 50)
        {
            errors.Add("Discord:GlobalRequestsPerSecond must be between 1 and 50.");
        }

        if (o.ServerErrorRetries is < 0 or > 10)
        {
            errors.Add("Discord:ServerErrorRetries must be between 0 and 10.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsSnowflake(string? value) =>
        value is { Length: > 0 and <= 20 } && value.All(char.IsAsciiDigit);

    private static bool IsHex(string? value, int length) =>
        value is not null && value.Length == length && value.All(char.IsAsciiHexDigit);

    /// <summary>What Kestrel's UseUrls accepts here: absolute http(s) URLs without a path, separated by ';'.</summary>
    private static bool AreListenUrls(string? urls) =>
        !string.IsNullOrWhiteSpace(urls)
        && urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(u =>
            Uri.TryCreate(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var url)
            && url.Scheme is "http" or "https" && url.AbsolutePath == "/");
}
