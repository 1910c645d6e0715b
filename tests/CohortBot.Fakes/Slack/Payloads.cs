using System.Text.Json.Nodes;

namespace CohortBot.Fakes.Slack;

/// <summary>Payloads shaped as Slack documents them (slash command, block_actions, view_submission).</summary>
public static class Payloads
{
    public static JsonObject Slash(FakeSlack fake, string text, string user = "U1", string responseId = "r1", string? trigger = null) => new()
    {
        ["token"] = "deprecated",
        ["team_id"] = "T1",
        ["team_domain"] = "cohort",
        ["channel_id"] = "C1",
        ["channel_name"] = "general",
        ["user_id"] = user,
        ["user_name"] = "ada",
        ["command"] = "/cohort",
        ["text"] = text,
        ["api_app_id"] = "A0TEST",
        ["is_enterprise_install"] = "false",
        ["response_url"] = fake.ResponseUrl(responseId),
        ["trigger_id"] = trigger ?? NewTrigger(),
    };

    public static JsonObject BlockAction(FakeSlack fake, string actionId, string user = "U1", string responseId = "b1") => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "cohort" },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "ada", ["team_id"] = "T1" },
        ["api_app_id"] = "A0TEST",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = "C1", ["is_ephemeral"] = true },
        ["trigger_id"] = NewTrigger(),
        ["channel"] = new JsonObject { ["id"] = "C1", ["name"] = "general" },
        ["response_url"] = fake.ResponseUrl(responseId),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = "b",
            ["type"] = "button",
            ["value"] = actionId,
            ["action_ts"] = "1700000001.000001",
        }),
    };

    public static JsonObject ViewSubmission(JsonObject openedView, JsonObject values, string user = "U1") => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "cohort" },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "ada", ["team_id"] = "T1" },
        ["api_app_id"] = "A0TEST",
        ["trigger_id"] = NewTrigger(),
        ["view"] = new JsonObject
        {
            ["id"] = "V1",
            ["type"] = "modal",
            ["callback_id"] = openedView["callback_id"]?.DeepClone(),
            ["private_metadata"] = openedView["private_metadata"]?.DeepClone(),
            ["hash"] = "156772938.1827394",
            ["state"] = new JsonObject { ["values"] = values },
        },
    };

    public static JsonObject TextValue(string? value) => new() { ["type"] = "plain_text_input", ["value"] = value };

    public static JsonObject FileValue(params string[] ids) => new()
    {
        ["type"] = "file_input",
        ["files"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["name"] = "proof.png" })]),
    };

    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    public static string NewTrigger() => "trig." + Guid.NewGuid().ToString("N");
}
