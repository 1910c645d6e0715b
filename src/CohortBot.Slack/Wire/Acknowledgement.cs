namespace CohortBot.Slack.Wire;

/// <summary>What the bot sends back for every envelope; <see cref="Payload"/> only when the envelope accepts one.</summary>
public sealed record Acknowledgement(string EnvelopeId, AckPayload? Payload);
