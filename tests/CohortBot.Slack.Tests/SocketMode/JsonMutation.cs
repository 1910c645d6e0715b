using System.Text.Json;
using System.Text.Json.Nodes;
using CohortBot.Testing;

namespace CohortBot.Slack.Tests.SocketMode;

/// <summary>One random change to a JSON tree, for the envelope property tests: a value replaced, removed or added, a case-twin key.</summary>
internal static class JsonMutation
{
    /// <summary>Stands for 70 nested arrays: a node that deep cannot be written, so the frame's text gets it in place of this string.</summary>
    public const string Deep = "__deep_nesting__";

    /// <summary>Replaces, removes or adds one value somewhere in the tree, or mutates the JSON inside private_metadata.</summary>
    public static void Mutate(JsonNode root, HostileText h, bool metadataOnly = false)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = metadataOnly ? root : h.Pick(nodes);
        switch (target)
        {
            case JsonObject o when o["private_metadata"] is JsonValue meta && meta.TryGetValue<string>(out var inner) && (metadataOnly || h.Chance(0.5))
                                   && TryParseObject(inner) is { } metadata:
                Mutate(metadata, h);
                o["private_metadata"] = metadata.ToJsonString();
                break;
            case JsonObject o when o.Count > 0 && h.Chance(0.25):
                o.Remove(h.Pick(o.Select(p => p.Key).ToList()));
                break;
            case JsonObject o when o.Count > 0 && h.Chance(0.1):
                var twin = h.Pick(o.Select(p => p.Key).ToList()).ToUpperInvariant();
                o[twin] = Value(h); // a key that differs only in case
                break;
            case JsonObject o:
                var key = o.Count > 0 && h.Chance(0.7) ? h.Pick(o.Select(p => p.Key).ToList()) : h.Text();
                o[key] = Value(h);
                break;
            case JsonArray a when a.Count > 0 && h.Chance(0.5):
                a[h.Next(a.Count)] = Value(h);
                break;
            case JsonArray a:
                a.Add(Value(h));
                break;
        }
    }

    public static JsonObject? TryParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is JsonObject o)
        {
            into.Add(o);
            foreach (var (_, child) in o)
            {
                Collect(child, into);
            }
        }
        else if (node is JsonArray a)
        {
            into.Add(a);
            foreach (var child in a)
            {
                Collect(child, into);
            }
        }
    }

    private static JsonNode? Value(HostileText h) => h.Next(11) switch
    {
        0 => null,
        1 or 2 => JsonValue.Create(h.Text()),
        3 => JsonValue.Create(h.Pick<long>([0, -1, 1, 2, int.MaxValue + 1L, long.MaxValue, long.MinValue])),
        4 => JsonValue.Create(h.Pick<double>([0.5, 1e308, -0.0])),
        5 => JsonValue.Create(h.Chance(0.5)),
        6 => new JsonArray(JsonValue.Create(h.Text()), new JsonObject(), null),
        7 => new JsonObject { ["id"] = h.Text(), ["type"] = h.Pick<string>(["plain_text_input", "file_input", "button"]), ["value"] = JsonValue.Create(h.Text()), ["files"] = new JsonArray(new JsonObject { ["id"] = h.Text() }) },
        8 => JsonNode.Parse(new string('[', 40) + new string(']', 40)),
        9 => JsonValue.Create(h.Chance(0.2) ? Deep : new string('x', 200_000)), // Deep: replaced by 70 nested arrays in the frame's text
        _ => new JsonObject { ["user"] = JsonValue.Create(h.Text()), ["values"] = JsonValue.Create(h.Next(3)), ["view"] = new JsonArray() },
    };
}
