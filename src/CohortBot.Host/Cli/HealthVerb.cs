using System.Text.Json.Nodes;
using CohortBot.Host.Options;
using Microsoft.Extensions.Configuration;

namespace CohortBot.Host.Cli;

/// <summary>
/// <c>cohortbot health [settings]</c>: asks the running bot's management listener for
/// <c>/health/ready</c> and exits 0 when it is ready, 1 otherwise. The image's HEALTHCHECK runs it
/// (the runtime image has no curl). It reads <c>Management:Url</c> from the same settings as the bot.
/// </summary>
public static class HealthVerb
{
    public const string Name = "health";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var settings = args[1..];
        if (SettingArguments.Problems(settings) is { Count: > 0 } problems)
        {
            await stderr.WriteLineAsync("cohortbot health: " + problems[0]);
            return 2;
        }

        var configuration = new ConfigurationManager();
        ConfigurationSources.Add(configuration, ConfigurationSources.EnvironmentName(), Directory.GetCurrentDirectory(), settings);
        var options = configuration.GetSection(ManagementOptions.Section).Get<ManagementOptions>() ?? new ManagementOptions();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var listener))
        {
            await stderr.WriteLineAsync($"cohortbot health: Management:Url '{options.Url}' is not a URL.");
            return 2;
        }

        var ready = new Uri(Reachable(listener), "/health/ready");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(ready);
            var body = await response.Content.ReadAsStringAsync();
            var healthy = response.IsSuccessStatusCode;
            await (healthy ? stdout : stderr).WriteLineAsync($"{ready}: {(int)response.StatusCode} {Summary(body)}");
            return healthy ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await stderr.WriteLineAsync($"{ready}: no answer ({ex.Message}). Is the bot running with Management:Enabled=true?");
            return 1;
        }
    }

    /// <summary>A listener bound to every address (0.0.0.0, [::], *, +) is asked on loopback.</summary>
    private static Uri Reachable(Uri listener) =>
        listener.Host is "0.0.0.0" or "[::]" or "::" or "*" or "+"
            ? new UriBuilder(listener) { Host = "127.0.0.1" }.Uri
            : listener;

    private static string Summary(string body)
    {
        try
        {
            var report = JsonNode.Parse(body) as JsonObject;
            var checks = (report?["checks"] as JsonObject)?.Select(c => $"{c.Key}={c.Value?["status"]}") ?? [];
            return $"{report?["status"]} ({string.Join(", ", checks)})";
        }
        catch (System.Text.Json.JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
