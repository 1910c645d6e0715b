using System.Text.Json.Nodes;

namespace CohortBot.Fakes.Discord;

/// <summary>Reading what the adapter put on the wire: its answer to an interaction, embeds, buttons.</summary>
public static class Sent
{
    public static Task<RecordedRequest> CallbackAsync(FakeDiscord fake, JsonObject interaction) =>
        fake.WaitForAsync(r => r.ApiPath.StartsWith($"/interactions/{(string)interaction["id"]!}/", StringComparison.Ordinal));

    public static Task<RecordedRequest> EditAsync(FakeDiscord fake, JsonObject interaction) =>
        fake.WaitForAsync(r => r.Method == "PATCH" && r.ApiPath.Contains((string)interaction["token"]!, StringComparison.Ordinal));

    public static JsonObject Embed(JsonNode message) => message["embeds"]![0]!.AsObject();

    public static string Description(JsonNode message) => (string)Embed(message)["description"]!;

    /// <summary>JSON text without HTML-safe escaping, so <c>&lt;t:…&gt;</c> reads as sent.</summary>
    public static string Text(JsonNode node) =>
        node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static IReadOnlyList<string> CustomIds(JsonNode message) =>
        message["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray()).Select(b => (string)b!["custom_id"]!).ToList();
}
