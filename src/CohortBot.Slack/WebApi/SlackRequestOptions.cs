namespace CohortBot.Slack.WebApi;

/// <summary>What <see cref="SlackApiClient"/> tells the pipeline's steps about a request.</summary>
internal static class SlackRequestOptions
{
    /// <summary>The Web API method (<c>chat.postMessage</c>), or a step of a flow (<c>files.upload_url</c>).</summary>
    public static readonly HttpRequestOptionsKey<string> Method = new("slack.method");

    /// <summary>The channel a chat.* call posts to: those calls queue per channel.</summary>
    public static readonly HttpRequestOptionsKey<string> Channel = new("slack.channel");

    /// <summary>Web API calls wait for their turn in their method's or channel's queue; a URL Slack handed out does not.</summary>
    public static readonly HttpRequestOptionsKey<bool> Paced = new("slack.paced");

    /// <summary>Set for apps.connections.open, the one method that takes the app-level token.</summary>
    public static readonly HttpRequestOptionsKey<bool> AppToken = new("slack.app-token");

    public static string MethodOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Method, out var method) ? method : request.RequestUri?.Segments.LastOrDefault() ?? "?";
}
