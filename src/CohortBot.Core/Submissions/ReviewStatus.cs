namespace CohortBot.Core.Submissions;

public enum ReviewStatus
{
    Pending,
    Approved,
    Rejected,
}
