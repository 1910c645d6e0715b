using System.Text.Json.Serialization;

namespace CohortBot.Discord.Wire;

/// <summary>Op 6 <c>d</c>: the session from READY and the last sequence seen.</summary>
public sealed record ResumeCommand(string Token, string SessionId, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Seq);
