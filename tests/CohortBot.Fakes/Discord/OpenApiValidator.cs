using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace CohortBot.Fakes.Discord;

/// <summary>
/// Validates request bodies against the request schema of the matching operation in Discord's
/// official OpenAPI 3.1 description, so the fake is not the only judge of the wire format.
/// Component references are moved under <c>$defs</c> and resolved within one document.
/// Every body the fake receives is checked, so the check is kept cheap without changing its
/// verdict: path templates are matched by patterns built once; a body is first evaluated for a
/// yes/no answer (the detailed list of errors, ten times dearer, only for a body that fails);
/// and a verdict is remembered per operation and exact body text, which is all it depends on
/// (the same command registration arrives in nearly every test).
/// </summary>
public static class OpenApiValidator
{
    private static readonly Lazy<JsonObject> Spec = new(Load);
    private static readonly Lazy<IReadOnlyList<(string Template, Regex Pattern)>> Templates = new(LoadTemplates);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();
    private static readonly ConcurrentDictionary<(string SchemaKey, string Body), IReadOnlyList<string>> Verdicts = new();
    private static int _counter;

    /// <summary>Errors for <paramref name="request"/>; empty when it matches the schema. Throws when no operation matches.</summary>
    public static IReadOnlyList<string> Validate(RecordedRequest request)
    {
        var (operation, schemaKey) = FindOperation(request.Method, request.ApiPath);
        var body = request.Json ?? throw new InvalidOperationException($"{request.Method} {request.ApiPath} has no JSON body to validate.");
        Normalize(operation, body);
        var text = body.ToJsonString();
        return Verdicts.GetOrAdd((schemaKey, text), key =>
        {
            var schema = Schemas.GetOrAdd(key.SchemaKey, _ => Build(request.Method, key.SchemaKey));
            var instance = JsonDocument.Parse(key.Body).RootElement;
            if (schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
            {
                return [];
            }

            var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
            return result.Details?.Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{operation} {d.InstanceLocation}: {e.Key} {e.Value}"))
                .Take(20).ToList() ?? [$"{operation}: invalid"];
        });
    }

    /// <summary>Errors of an answer Discord would give <paramref name="method"/> <paramref name="apiPath"/> (a fixture), against the operation's response schema.</summary>
    public static IReadOnlyList<string> ValidateResponse(string method, string apiPath, string json, int status = 200)
    {
        var (operation, schemaKey) = FindOperation(method, apiPath);
        var key = schemaKey + "|" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var schema = Schemas.GetOrAdd(key, _ => Build(method, schemaKey, op =>
            op["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"]?.DeepClone().AsObject()
            ?? throw new InvalidOperationException($"{op["operationId"]} documents no JSON answer for {status}.")));
        var result = schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : result.Details?.Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{operation} answer {d.InstanceLocation}: {e.Key} {e.Value}"))
                .Take(20).ToList() ?? [$"{operation} answer: invalid"];
    }

    public static string OperationOf(RecordedRequest request) => FindOperation(request.Method, request.ApiPath).Operation;

    /// <summary>
    /// The one known disagreement: the spec types <c>default_member_permissions</c> as an integer,
    /// while Discord's documentation (and the protocol brief we follow) send a bitset string,
    /// which Discord accepts. Only digit strings are converted; anything else still fails.
    /// </summary>
    private static void Normalize(string operation, JsonNode body)
    {
        if (operation.StartsWith("bulk_set_", StringComparison.Ordinal) && body is JsonArray commands)
        {
            foreach (var command in commands.OfType<JsonObject>())
            {
                if (command["default_member_permissions"] is JsonValue v && v.TryGetValue<string>(out var text) && text.All(char.IsAsciiDigit) && text.Length > 0)
                {
                    command["default_member_permissions"] = long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
    }

    private static (string Operation, string SchemaKey) FindOperation(string method, string apiPath)
    {
        var paths = Spec.Value["paths"]!.AsObject();
        foreach (var (template, pattern) in Templates.Value)
        {
            if (!pattern.IsMatch(apiPath) || paths[template]?[method.ToLowerInvariant()] is not JsonObject op)
            {
                continue;
            }

            // A literal template (/users/@me/channels) beats a parameter one (/users/{user_id}/channels).
            if (template.Contains('{', StringComparison.Ordinal) && paths.Any(p => p.Key != template && !p.Key.Contains('{', StringComparison.Ordinal) && p.Key == apiPath && p.Value?[method.ToLowerInvariant()] is not null))
            {
                continue;
            }

            return ((string)op["operationId"]!, template + "|" + method.ToLowerInvariant());
        }

        throw new InvalidOperationException($"No operation in the OpenAPI description for {method} {apiPath}.");
    }

    private static JsonSchema Build(string method, string key) => Build(method, key, op =>
        op["requestBody"]?["content"]?["application/json"]?["schema"]?.DeepClone().AsObject()
        ?? throw new InvalidOperationException($"{op["operationId"]} has no JSON request body."));

    private static JsonSchema Build(string method, string key, Func<JsonNode, JsonObject> pick)
    {
        var template = key[..key.IndexOf('|', StringComparison.Ordinal)];
        var op = Spec.Value["paths"]![template]![method.ToLowerInvariant()]!;
        var requestSchema = pick(op);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Spec.Value["components"]!["schemas"]!.DeepClone(),
        };
        foreach (var (name, value) in requestSchema)
        {
            root[name] = value?.DeepClone();
        }

        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(text, options, new Uri($"https://cohortbot.test/openapi/{Interlocked.Increment(ref _counter)}"));
    }

    /// <summary>Each path template of the description with the pattern of the paths it stands for, in the description's order.</summary>
    private static IReadOnlyList<(string Template, Regex Pattern)> LoadTemplates() =>
        Spec.Value["paths"]!.AsObject()
            .Select(p => (p.Key, new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant)))
            .ToList();

    private static JsonObject Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "discord-openapi.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Discord's OpenAPI description is missing: expected tests/specs/discord-openapi.json in the repository.", path);
        }

        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }
}
