namespace CohortBot.Core.Commands;

/// <summary>How a reply should look: adapters map it to colours or emoji.</summary>
public enum ReplyTone
{
    Info,
    Success,
    Warning,
    Error,
}
