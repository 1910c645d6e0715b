namespace CohortBot.Discord.Wire;

/// <summary>
/// An error body: <c>{code, message, errors?}</c>, or a 429's <c>{message, retry_after (s), global, code?}</c>.
/// Cloudflare's own 429 is HTML; the caller falls back to the headers then.
/// </summary>
public sealed record DiscordError(int? Code, string? Message, double? RetryAfter, bool? Global);
