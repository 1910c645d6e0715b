using System.Text.Json.Nodes;

namespace CohortBot.Slack.Tests.Fakes;

/// <summary>
/// Slack's published Swagger description of the Web API (slack-web-openapi-v2.json, from the
/// shared specs folder): every call the adapter makes must name a method it lists and carry every
/// parameter it marks required. The token goes in the Authorization header, which Slack accepts
/// for every method, so the spec's "token" parameter is checked as that header instead.
/// </summary>
public static class SlackWebApiSpec
{
    /// <summary>
    /// Methods newer than the spec (it is from 2021), with the arguments their pages on
    /// docs.slack.dev mark required (besides the token, checked as the header here too).
    /// </summary>
    private static readonly Dictionary<string, string[]> NotInSpec = new(StringComparer.Ordinal)
    {
        ["apps.connections.open"] = [],
        ["files.getUploadURLExternal"] = ["filename", "length"],
        ["files.completeUploadExternal"] = ["files"],
    };

    private static readonly Lazy<JsonObject> Paths = new(Load);

    public static IReadOnlyList<string> Problems(ApiCall call)
    {
        if (NotInSpec.TryGetValue(call.Method, out var required))
        {
            return [.. required.Prepend("token").Where(name => !Present(call, name)).Select(name => $"{call.Method}: required parameter '{name}' is missing")];
        }

        if (Paths.Value["/" + call.Method] is not JsonObject path)
        {
            return [$"{call.Method}: not a method in Slack's Web API description"];
        }

        var problems = new List<string>();
        foreach (var (_, operation) in path)
        {
            foreach (var parameter in operation?["parameters"] as JsonArray ?? [])
            {
                var name = parameter?["name"]?.ToString();
                if (name is null || parameter?["required"]?.GetValue<bool>() != true)
                {
                    continue;
                }

                if (!Present(call, name))
                {
                    problems.Add($"{call.Method}: required parameter '{name}' is missing");
                }
            }
        }

        return problems;
    }

    private static bool Present(ApiCall call, string name) => name == "token"
        ? call.Authorization.StartsWith("Bearer ", StringComparison.Ordinal)
        : call.Parameters[name] is not null;

    public static void AssertAll(IEnumerable<ApiCall> calls)
    {
        var problems = calls.SelectMany(Problems).Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static JsonObject Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "tests", "specs", "slack-web-openapi-v2.json"), Path.Combine(dir.FullName, "shared", "specs", "slack-web-openapi-v2.json"), Path.Combine(dir.FullName, "..", "shared", "specs", "slack-web-openapi-v2.json") })
            {
                if (File.Exists(candidate))
                {
                    return JsonNode.Parse(File.ReadAllText(candidate))!["paths"]!.AsObject();
                }
            }
        }

        throw new FileNotFoundException("tests/specs/slack-web-openapi-v2.json was not found in the repository.");
    }
}
