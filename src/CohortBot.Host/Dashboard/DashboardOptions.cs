namespace CohortBot.Host.Dashboard;

/// <summary>
/// The organizers' web dashboard (section <c>Dashboard</c>). Off by default; when on it listens on
/// loopback unless <see cref="Url"/> says otherwise. Organizers sign in only through a one-time
/// link from <c>/dashboard</c>.
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public bool Enabled { get; set; }

    /// <summary>One Kestrel URL, e.g. <c>http://127.0.0.1:5080</c> (port 0 picks a free port); links point here.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long a sign-in link may wait before it is used (once).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a signed-in session lasts; then the organizer asks for a new link.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Participants per page of the grid.</summary>
    public int PageSize { get; set; } = 100;
}
