using System.Text.Json;

namespace CohortBot.Discord.Wire;

/// <summary>
/// A frame received from the gateway: <c>{op, d, s, t}</c>. <see cref="D"/> stays a JSON element
/// until <see cref="Op"/> (and, for dispatches, <see cref="T"/>) says which record it is.
/// </summary>
public sealed record GatewayPayload(GatewayOpcode Op, JsonElement D, long? S, string? T);
