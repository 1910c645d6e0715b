using System.Text.Json;
using System.Text.Json.Nodes;

namespace CohortBot.Fakes.Discord;

/// <summary>Interaction payloads shaped as Discord sends them (discord-api-types v10).</summary>
public static class Payloads
{
    public const string UserId = "100000000000000001";
    public const string ChannelId = "500000000000000001";
    private static long _next = 300000000000000000;

    public static string NextId() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Command(string name, params JsonObject[] options) => CommandWithResolved(name, null, options);

    public static JsonObject CommandWithResolved(string name, JsonObject? resolved, params JsonObject[] options)
    {
        var data = new JsonObject { ["id"] = "400000000000000001", ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray()) };
        if (resolved is not null)
        {
            data["resolved"] = resolved;
        }

        return Interaction(2, data);
    }

    public static JsonObject Option(string name, int type, JsonNode? value, bool focused = false)
    {
        var option = new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value };
        if (focused)
        {
            option["focused"] = true;
        }

        return option;
    }

    public static JsonObject Attachments(string id, string fileName, string url, long size, string contentType = "image/png") => new()
    {
        ["attachments"] = new JsonObject
        {
            [id] = new JsonObject { ["id"] = id, ["filename"] = fileName, ["size"] = size, ["url"] = url, ["proxy_url"] = url, ["content_type"] = contentType },
        },
    };

    public static JsonObject Button(string customId) =>
        Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });

    public static JsonObject ModalSubmit(string customId, params (string Id, string Value)[] inputs) =>
        Interaction(5, new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray(inputs.Select(i => (JsonNode)new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["custom_id"] = i.Id, ["value"] = i.Value }),
            }).ToArray()),
        });

    public static JsonObject Autocomplete(string name, params JsonObject[] options)
    {
        var interaction = Command(name, options);
        interaction["type"] = 4;
        return interaction;
    }

    public static JsonObject Interaction(int type, JsonObject data, string userId = UserId) => new()
    {
        ["id"] = NextId(),
        ["application_id"] = FakeDiscord.ApplicationId,
        ["type"] = type,
        ["token"] = "aW50ZXJhY3Rpb246" + NextId() + "-token_Ab",
        ["version"] = 1,
        ["data"] = data,
        ["guild_id"] = FakeDiscord.GuildId,
        ["channel_id"] = ChannelId,
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "ada", ["global_name"] = "Ada Lovelace", ["discriminator"] = "0" },
            ["roles"] = new JsonArray("200000000000000001"),
            ["permissions"] = "2248473465835073",
        },
        ["locale"] = "en-US",
        ["guild_locale"] = "en-US",
        ["app_permissions"] = "2248473465835073",
        ["context"] = 0,
        ["entitlements"] = new JsonArray(),
        ["authorizing_integration_owners"] = new JsonObject { ["0"] = FakeDiscord.GuildId },
        ["attachment_size_limit"] = 10485760,
    };

    public static JsonElement Element(JsonObject payload) => JsonDocument.Parse(payload.ToJsonString()).RootElement.Clone();

    /// <summary>A real 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
