namespace CohortBot.Core.Completion;

/// <summary>One week of one participant, as the completion rules see it.</summary>
public enum WeekStanding
{
    Approved,
    Excused,

    /// <summary>Still possible: not open yet, due, waiting for review, or rejected with time to resubmit.</summary>
    Outstanding,

    /// <summary>No longer possible: nothing (countable) arrived before the week closed for this participant.</summary>
    Missed,
}
