namespace CohortBot.Core.Submissions;

/// <summary>Checks that a proof or credential link is an absolute http(s) URL a reviewer can open.</summary>
public static class ProofUrl
{
    public const int MaxLength = 2048;

    public static bool TryNormalize(string? text, out string url)
    {
        url = string.Empty;
        var trimmed = text?.Trim().Trim('<', '>');
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsControl) || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        url = uri.AbsoluteUri;
        return true;
    }
}
