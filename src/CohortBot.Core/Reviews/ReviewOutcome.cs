namespace CohortBot.Core.Reviews;

public enum ReviewOutcome
{
    Decided,
    NotFound,
    AlreadyDecided,
    Superseded,
    ClaimedByOther,
}
