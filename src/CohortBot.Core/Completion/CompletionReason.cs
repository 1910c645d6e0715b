namespace CohortBot.Core.Completion;

/// <summary>One reason for a status, as a message key and its arguments, so chat and CSV say the same thing.</summary>
public sealed record CompletionReason(string Key, object? Args = null);
