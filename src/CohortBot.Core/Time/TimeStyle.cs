namespace CohortBot.Core.Time;

/// <summary>How a time token is shown; the letters match Discord's timestamp styles.</summary>
public enum TimeStyle
{
    /// <summary>Weekday, date and time.</summary>
    Full = 'F',

    /// <summary>Date only.</summary>
    Date = 'D',

    /// <summary>Time only.</summary>
    Time = 't',

    /// <summary>Relative to now ("in 2 days").</summary>
    Relative = 'R',
}
