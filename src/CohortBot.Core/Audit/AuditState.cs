using System.Text.Encodings.Web;
using System.Text.Json;

namespace CohortBot.Core.Audit;

/// <summary>Writes the before/after state of an audit entry as compact JSON, keeping Korean names readable.</summary>
public static class AuditState
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string? Json(object? state) => state is null ? null : JsonSerializer.Serialize(state, Options);
}
