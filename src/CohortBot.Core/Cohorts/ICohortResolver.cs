using CohortBot.Core.Commands;

namespace CohortBot.Core.Cohorts;

/// <summary>Which cohort an invocation belongs to (today one per process; later one per server or workspace).</summary>
public interface ICohortResolver
{
    Task<Cohort> ResolveAsync(Invocation invocation, CancellationToken ct);
}
