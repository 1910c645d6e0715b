using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CohortBot.Fakes.Slack;

public static class JsonText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON as Slack would read it, without the serializer's \u003C-style escapes, for substring assertions.</summary>
    public static string ToText(this JsonNode node) => node.ToJsonString(Relaxed);
}
