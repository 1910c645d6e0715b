namespace CohortBot.Dashboard.Tests;

/// <summary>Runs only when <see cref="GridTimingRun.Variable"/> names a benchmark template folder.</summary>
public sealed class GridTimingFactAttribute : FactAttribute
{
    public GridTimingFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(GridTimingRun.Variable) is not { Length: > 0 })
        {
            Skip = $"a measurement run by hand: set {GridTimingRun.Variable} to a kept benchmark run's template folder (see bench/README.md, Issue 13)";
        }
    }
}
