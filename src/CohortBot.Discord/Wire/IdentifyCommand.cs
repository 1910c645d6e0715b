namespace CohortBot.Discord.Wire;

/// <summary>Op 2 <c>d</c>. Slash commands need no intent: <c>INTERACTION_CREATE</c> is always sent.</summary>
public sealed record IdentifyCommand(string Token, int Intents, IdentifyProperties Properties);
