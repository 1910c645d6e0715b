using Microsoft.Extensions.Options;

namespace CohortBot.Slack;

/// <summary>Refuses to start with settings Slack would reject later; messages name the key, never the value.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public const long MaxSlackUploadBytes = 1024L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, SlackOptions o)
    {
        var errors = new List<string>();
        if (!o.Http.Enabled || !string.IsNullOrEmpty(o.AppToken))
        {
            Require(o.AppToken, "xapp-", "Slack:AppToken", "an app-level token with connections:write (Basic Information → App-Level Tokens)", errors);
        }

        Require(o.BotToken, "xoxb-", "Slack:BotToken", "the Bot User OAuth Token (OAuth & Permissions)", errors);
        if (!o.ApiBaseUrl.IsAbsoluteUri || o.ApiBaseUrl.Scheme is not ("https" or "http") || !o.ApiBaseUrl.AbsolutePath.EndsWith('/'))
        {
            errors.Add("Slack:ApiBaseUrl must be an absolute http(s) URL ending with '/', e.g. https://slack.com/api/.");
        }

        if (o.AckBudget <= TimeSpan.Zero || o.AckBudget > TimeSpan.FromMilliseconds(2500))
        {
            errors.Add("Slack:AckBudget must be between 00:00:00.001 and 00:00:02.5: Slack drops acknowledgements after 3 seconds.");
        }

        Positive(o.RequestTimeout, "Slack:RequestTimeout", errors);
        Positive(o.HelloTimeout, "Slack:HelloTimeout", errors);
        Positive(o.ReconnectBaseDelay, "Slack:ReconnectBaseDelay", errors);
        if (o.ReconnectMaxDelay < o.ReconnectBaseDelay)
        {
            errors.Add("Slack:ReconnectMaxDelay must not be shorter than Slack:ReconnectBaseDelay.");
        }

        if (o.ServerErrorRetries is < 0 or > 10)
        {
            errors.Add("Slack:ServerErrorRetries must be between 0 and 10.");
        }

        if (o.MaxRateLimitRetries is < 0 or > 100)
        {
            errors.Add("Slack:MaxRateLimitRetries must be between 0 and 100.");
        }

        if (o.MaxUploadBytes is < 1 or > MaxSlackUploadBytes)
        {
            errors.Add($"Slack:MaxUploadBytes must be between 1 and {MaxSlackUploadBytes} (Slack's 1 GB file limit).");
        }

        if (o.Http.Enabled)
        {
            if (string.IsNullOrWhiteSpace(o.SigningSecret))
            {
                errors.Add("Slack:SigningSecret is required when Slack:Http:Enabled is true (Basic Information → Signing Secret).");
            }

            if (string.IsNullOrWhiteSpace(o.Http.Urls))
            {
                errors.Add("Slack:Http:Urls is required when Slack:Http:Enabled is true, e.g. http://0.0.0.0:3000.");
            }
            else if (!AreListenUrls(o.Http.Urls))
            {
                errors.Add($"Slack:Http:Urls must be http(s) URLs separated by ';', e.g. http://0.0.0.0:3000; '{o.Http.Urls}' is not.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(string? token, string prefix, string key, string what, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            errors.Add($"{key} is required: {what}, starting with '{prefix}'.");
        }
        else if (!token.StartsWith(prefix, StringComparison.Ordinal))
        {
            errors.Add($"{key} must start with '{prefix}' ({what}); the value given has another prefix.");
        }
    }

    private static void Positive(TimeSpan value, string key, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be a positive time span, e.g. 00:00:10.");
        }
    }

    /// <summary>What Kestrel's UseUrls accepts here: absolute http(s) URLs without a path, separated by ';'.</summary>
    private static bool AreListenUrls(string? urls) =>
        !string.IsNullOrWhiteSpace(urls)
        && urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(u =>
            Uri.TryCreate(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var url)
            && url.Scheme is "http" or "https" && url.AbsolutePath == "/");
}
