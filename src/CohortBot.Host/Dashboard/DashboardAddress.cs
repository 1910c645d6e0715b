namespace CohortBot.Host.Dashboard;

/// <summary>Where the dashboard actually listens (known once Kestrel has bound, which matters for port 0); sign-in links start with it.</summary>
internal sealed class DashboardAddress(DashboardOptions options)
{
    private Uri _base = new(options.Url);

    public Uri Base => Volatile.Read(ref _base);

    public void Bound(string url) => Volatile.Write(ref _base, new Uri(url));
}
