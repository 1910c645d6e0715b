using CohortBot.Core.Participants;

namespace CohortBot.Core.Dashboard;

/// <summary>Issues the web dashboard's one-time sign-in links (the host serves the dashboard; without it there is no implementation).</summary>
public interface IDashboardLinks
{
    /// <summary>How long a link may wait before it is used.</summary>
    TimeSpan Lifetime { get; }

    /// <summary>A new link that signs <paramref name="organizer"/> in once, before <see cref="Lifetime"/> has passed.</summary>
    Task<Uri> IssueAsync(PlatformUser organizer, CancellationToken ct);
}
