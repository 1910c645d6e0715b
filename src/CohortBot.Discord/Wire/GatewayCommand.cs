using System.Text.Json.Serialization;

namespace CohortBot.Discord.Wire;

/// <summary>A frame the bot sends: <c>{op, d}</c>; <c>d</c> is written even when null (a heartbeat before any dispatch).</summary>
public sealed record GatewayCommand<TData>(GatewayOpcode Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] TData D);
