namespace CohortBot.Core.Events;

public enum RsvpStatus
{
    Going,
    Waitlisted,
}
