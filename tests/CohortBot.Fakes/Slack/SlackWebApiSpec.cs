using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CohortBot.Fakes.Slack;

/// <summary>
/// Slack's published Swagger description of the Web API (slack-web-openapi-v2.json, from the
/// shared specs folder), as the judge of what the adapter sends and of the answers the fixtures
/// claim: a call must name a method it lists, carry every parameter it marks required, no
/// parameter it does not list, and each with the type it declares (Block Kit and views may be
/// JSON in a JSON body, where the form-encoded description has them as JSON strings). The token
/// goes in the Authorization header, which Slack accepts for every method, so the spec's "token"
/// parameter is checked as that header instead.
/// </summary>
public static class SlackWebApiSpec
{
    /// <summary>
    /// Methods newer than the spec (it is from 2021), with the arguments their pages on
    /// docs.slack.dev list (required ones first, then the count of required).
    /// </summary>
    private static readonly Dictionary<string, (string[] Known, int Required)> NotInSpec = new(StringComparer.Ordinal)
    {
        ["apps.connections.open"] = ([], 0),
        ["files.getUploadURLExternal"] = (["filename", "length", "alt_txt", "snippet_type"], 2),
        ["files.completeUploadExternal"] = (["files", "channel_id", "initial_comment", "thread_ts"], 1),
    };

    /// <summary>Parameters the form-encoded description types as strings but Slack also takes as JSON in a JSON body.</summary>
    private static readonly HashSet<string> JsonEncoded = new(StringComparer.Ordinal) { "blocks", "attachments", "view", "files" };

    private static readonly Lazy<JsonObject> Document = new(Load);
    private static readonly ConcurrentDictionary<string, JsonSchema> Answers = new(StringComparer.Ordinal);
    private static int _counter;

    public static IReadOnlyList<string> Problems(ApiCall call)
    {
        if (NotInSpec.TryGetValue(call.Method, out var documented))
        {
            return [
                .. documented.Known.Take(documented.Required).Prepend("token").Where(name => !Present(call, name)).Select(name => $"{call.Method}: required parameter '{name}' is missing"),
                .. call.Parameters.Select(p => p.Key).Where(name => !documented.Known.Contains(name)).Select(name => $"{call.Method}: '{name}' is not a parameter of the method"),
            ];
        }

        if (Document.Value["paths"]!["/" + call.Method] is not JsonObject path)
        {
            return [$"{call.Method}: not a method in Slack's Web API description"];
        }

        var problems = new List<string>();
        var declared = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (_, operation) in path)
        {
            foreach (var parameter in operation?["parameters"] as JsonArray ?? [])
            {
                if (parameter?["name"]?.ToString() is not { } name)
                {
                    continue;
                }

                declared[name] = parameter["type"]?.ToString();
                if (parameter["required"]?.GetValue<bool>() == true && !Present(call, name))
                {
                    problems.Add($"{call.Method}: required parameter '{name}' is missing");
                }
            }
        }

        foreach (var (name, value) in call.Parameters)
        {
            if (!declared.TryGetValue(name, out var type))
            {
                problems.Add($"{call.Method}: '{name}' is not a parameter of the method");
            }
            else if (!Fits(name, type, value))
            {
                problems.Add($"{call.Method}: '{name}' should be a {type}, not {value?.GetValueKind().ToString() ?? "null"}");
            }
        }

        return problems.Distinct().ToList();
    }

    /// <summary>Errors of <paramref name="json"/> as the answer of <paramref name="method"/>, against its documented success schema.</summary>
    public static IReadOnlyList<string> AnswerProblems(string method, string json)
    {
        var schema = Answers.GetOrAdd(method, BuildAnswerSchema);
        var result = schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : result.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{method} answer {d.InstanceLocation}: {e.Key} {e.Value}")).Take(20).ToList()
                ?? [$"{method} answer: invalid"];
    }

    private static JsonSchema BuildAnswerSchema(string method)
    {
        var operation = (Document.Value["paths"]!["/" + method] as JsonObject)?.Select(o => o.Value).FirstOrDefault()
            ?? throw new InvalidOperationException($"{method} is not in Slack's Web API description.");
        var answer = operation["responses"]?["200"]?["schema"]?.DeepClone().AsObject()
            ?? throw new InvalidOperationException($"{method} documents no answer.");
        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["definitions"] = Document.Value["definitions"]!.DeepClone(),
        };
        foreach (var (name, value) in answer)
        {
            root[name] = value?.DeepClone();
        }

        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://cohortbot.test/slack/{Interlocked.Increment(ref _counter)}"));
    }

    private static bool Fits(string name, string? type, JsonNode? value) => (type, value?.GetValueKind()) switch
    {
        (_, null) => true,
        ("string", JsonValueKind.String) => true,
        ("string", JsonValueKind.Array or JsonValueKind.Object) => JsonEncoded.Contains(name),
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("boolean", JsonValueKind.String) => value!.ToString() is "true" or "false" or "1" or "0",
        ("integer" or "number", JsonValueKind.Number) => true,
        ("integer" or "number", JsonValueKind.String) => double.TryParse(value!.ToString(), System.Globalization.CultureInfo.InvariantCulture, out _),
        (null, _) => true,
        _ => false,
    };

    private static bool Present(ApiCall call, string name) => name == "token"
        ? call.Authorization.StartsWith("Bearer ", StringComparison.Ordinal)
        : call.Parameters[name] is not null;

    private static JsonObject Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "slack-web-openapi-v2.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Slack's Web API description is missing: expected tests/specs/slack-web-openapi-v2.json in the repository.", path);
        }

        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }
}
