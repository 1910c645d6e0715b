using CohortBot.Core.Commands;

namespace CohortBot.Core.Cohorts;

/// <summary>
/// One process serves the cohort named by <see cref="ActiveCohort"/> (synced from the cohort file
/// at start-up). A resolver keyed by Discord guild or Slack team can replace it for several.
/// </summary>
public sealed class ActiveCohortResolver(ActiveCohort active, ICohortStore store) : ICohortResolver
{
    public async Task<Cohort> ResolveAsync(Invocation invocation, CancellationToken ct) =>
        await store.FindAsync(active.Slug, ct)
        ?? throw new InvalidOperationException($"Cohort '{active.Slug}' is not in the database; the cohort file sync must run first.");
}

/// <summary>The slug of the cohort this process serves.</summary>
public sealed record ActiveCohort(string Slug);
