using System.Globalization;

namespace CohortBot.Core.Fetching;

/// <summary>
/// One place an adapter may fetch files from: <c>cdn.discordapp.com</c> (https, port 443),
/// <c>*.slack.com</c> (the domain and its subdomains), or a full origin such as
/// <c>http://127.0.0.1:5080</c> for a local test server. <see cref="AllowPrivateAddress"/> lets the
/// host resolve to a loopback or private address (only for origins an operator configured).
/// </summary>
public sealed record FileOrigin(string Scheme, string Host, int Port, bool IncludeSubdomains, bool AllowPrivateAddress = false)
{
    public static bool TryParse(string? text, out FileOrigin origin, bool allowPrivateAddress = false)
    {
        origin = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var wildcard = text.StartsWith("*.", StringComparison.Ordinal);
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + (wildcard ? text[2..] : text);
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return false;
        }

        origin = new FileOrigin(uri.Scheme, uri.IdnHost.ToLowerInvariant(), uri.Port, wildcard, allowPrivateAddress);
        return true;
    }

    public bool Matches(Uri url) =>
        url.IsAbsoluteUri
        && string.Equals(url.Scheme, Scheme, StringComparison.OrdinalIgnoreCase)
        && url.Port == Port
        && url.UserInfo.Length == 0
        && MatchesHost(url.IdnHost);

    public bool MatchesHost(string host) =>
        string.Equals(host, Host, StringComparison.OrdinalIgnoreCase)
        || (IncludeSubdomains && host.EndsWith("." + Host, StringComparison.OrdinalIgnoreCase));

    public override string ToString() =>
        $"{Scheme}://{(IncludeSubdomains ? "*." : string.Empty)}{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
