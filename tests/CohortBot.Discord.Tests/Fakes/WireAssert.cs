using System.Text.Json.Nodes;
using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Tests.Fakes;

/// <summary>Assertions over what the adapter put on the wire.</summary>
public static class WireAssert
{
    /// <summary>Every JSON body the adapter sent matches Discord's OpenAPI request schema.</summary>
    public static void BodiesMatchOpenApi(FakeDiscord fake)
    {
        var checkedCount = 0;
        var errors = new List<string>();
        foreach (var request in fake.Requests.Where(r => r.Body.Length > 0))
        {
            // JSON, or multipart whose payload_json is the JSON (a message with files).
            Assert.True(request.IsMultipart ? request.PayloadJson is not null : request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, request.ContentType);
            errors.AddRange(OpenApiValidator.Validate(request));
            checkedCount++;
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(checkedCount > 0, "No request body was sent, so none was validated.");
    }

    /// <summary>A wire record as the JSON the adapter would send, for assertions by field name.</summary>
    public static JsonObject Node(MessageData message) => JsonNode.Parse(DiscordJson.SerializeToString(message, DiscordJson.Context.MessageData))!.AsObject();

    public static JsonObject Node(ModalData modal) =>
        JsonNode.Parse(DiscordJson.SerializeToString(new InteractionResponse<ModalData>(InteractionCallbackType.Modal, modal), DiscordJson.Context.InteractionResponseModalData))!["data"]!.DeepClone().AsObject();
}
