namespace CohortBot.Host.Options;

/// <summary>
/// The management listener (section <c>Management</c>): <c>/health/live</c> and <c>/health/ready</c>
/// for a container's health check or an orchestrator's probes. Off by default; when on it listens on
/// loopback unless <see cref="Url"/> says otherwise (it has no authentication, so expose it on
/// purpose only).
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Management";

    public bool Enabled { get; set; }

    /// <summary>One Kestrel URL, e.g. <c>http://127.0.0.1:8081</c> (port 0 picks a free port).</summary>
    public string Url { get; set; } = "http://127.0.0.1:8081";
}
