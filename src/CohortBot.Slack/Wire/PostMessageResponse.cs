namespace CohortBot.Slack.Wire;

/// <summary>chat.postMessage and chat.update: where the message is and its timestamp (its id).</summary>
public sealed record PostMessageResponse(bool Ok, string? Error, string? Channel, string? Ts) : ISlackResponse;
