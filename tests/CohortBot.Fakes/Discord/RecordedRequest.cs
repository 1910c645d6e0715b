using System.Text.Json.Nodes;

namespace CohortBot.Fakes.Discord;

/// <summary>One request the adapter made to the fake, as it arrived.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? UserAgent, string? ContentType, TimeSpan At)
{
    /// <summary>The <c>payload_json</c> part of a multipart body (a message with files), as sent.</summary>
    public string? PayloadJson { get; init; }

    /// <summary>Path below the API base, e.g. <c>/channels/1/messages</c>.</summary>
    public string ApiPath => Path.StartsWith(FakeDiscord.ApiPrefix, StringComparison.Ordinal) ? Path[FakeDiscord.ApiPrefix.Length..] : Path;

    public bool IsMultipart => ContentType?.StartsWith("multipart/form-data", StringComparison.Ordinal) == true;

    /// <summary>The JSON body, or a multipart body's <c>payload_json</c> (what Discord reads as the message).</summary>
    public JsonNode? Json => IsMultipart
        ? PayloadJson is null ? null : JsonNode.Parse(PayloadJson)
        : Body.Length == 0 || ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true ? null : JsonNode.Parse(Body);
}
