namespace CohortBot.Discord.Wire;

/// <summary><c>POST /users/@me/channels</c>: returns the existing DM channel when there is one.</summary>
public sealed record CreateDmRequest(string RecipientId);
