namespace CohortBot.Core.Allowances;

/// <summary>What <see cref="IAllowanceStore.ExcuseWeekAsync"/> did.</summary>
public enum ExcuseOutcome
{
    Excused,

    /// <summary>The week was excused already; nothing changed.</summary>
    AlreadyExcused,

    /// <summary>The participant already has as many excused weeks as allowed; nothing changed.</summary>
    LimitReached,
}
