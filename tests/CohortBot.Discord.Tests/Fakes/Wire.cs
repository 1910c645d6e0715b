using System.Text.Json.Nodes;

namespace CohortBot.Discord.Tests.Fakes;

/// <summary>Assertions over what the adapter put on the wire.</summary>
public static class Wire
{
    /// <summary>Every JSON body the adapter sent matches Discord's OpenAPI request schema.</summary>
    public static void AssertBodiesMatchOpenApi(FakeDiscord fake)
    {
        var checkedCount = 0;
        var errors = new List<string>();
        foreach (var request in fake.Requests.Where(r => r.Body.Length > 0))
        {
            Assert.StartsWith("application/json", request.ContentType);
            errors.AddRange(OpenApiValidator.Validate(request));
            checkedCount++;
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(checkedCount > 0, "No request body was sent, so none was validated.");
    }

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
