namespace CohortBot.Fakes.Discord;

/// <summary>One request the adapter made to the fake, as it arrived.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? UserAgent, string? ContentType, TimeSpan At)
{
    /// <summary>Path below the API base, e.g. <c>/channels/1/messages</c>.</summary>
    public string ApiPath => Path.StartsWith(FakeDiscord.ApiPrefix, StringComparison.Ordinal) ? Path[FakeDiscord.ApiPrefix.Length..] : Path;

    public System.Text.Json.Nodes.JsonNode? Json => Body.Length == 0 || ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true
        ? null
        : System.Text.Json.Nodes.JsonNode.Parse(Body);
}
