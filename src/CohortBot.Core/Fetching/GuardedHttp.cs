using System.Net;
using System.Net.Sockets;

namespace CohortBot.Core.Fetching;

/// <summary>
/// An <see cref="HttpClient"/> handler and a GET that enforce a <see cref="FileFetchPolicy"/>:
/// redirects are followed here (never by the handler) and each hop is checked, and the handler
/// connects only to addresses the policy allows, after resolving the name itself.
/// </summary>
public static class GuardedHttp
{
    public const int MaxRedirects = 3;

    /// <summary>The primary handler for a client used with <see cref="GetAsync"/>.</summary>
    public static SocketsHttpHandler CreateHandler(Func<FileFetchPolicy> policy) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // Through a proxy the connect-time check would see the proxy, not the file host.
        UseProxy = false,
        ConnectCallback = (context, ct) => ConnectAsync(policy(), context.DnsEndPoint, ct),
    };

    /// <summary>
    /// GETs <paramref name="url"/>, following at most <see cref="MaxRedirects"/> redirects that stay
    /// inside the policy. <paramref name="prepare"/> runs for every hop (e.g. to add a token only
    /// for hosts that may see it). The response is returned with its headers read.
    /// </summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, Uri url, FileFetchPolicy policy, Action<HttpRequestMessage>? prepare, CancellationToken ct)
    {
        for (var hop = 0; ; hop++)
        {
            if (!policy.Allows(url))
            {
                throw new FetchRefusedException($"{Describe(url)} is not an allowed file host");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            prepare?.Invoke(request);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
            {
                return response;
            }

            response.Dispose();
            if (hop >= MaxRedirects)
            {
                throw new FetchRefusedException($"more than {MaxRedirects} redirects from {Describe(url)}");
            }

            if (!Uri.TryCreate(url, location, out var next))
            {
                throw new FetchRefusedException($"a redirect from {Describe(url)} that is not a URL");
            }

            url = next;
        }
    }

    private static async ValueTask<Stream> ConnectAsync(FileFetchPolicy policy, DnsEndPoint endpoint, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = policy.AllowsPrivateAddress(endpoint.Host, endpoint.Port)
            ? addresses
            : addresses.Where(FileFetchPolicy.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new FetchRefusedException($"{endpoint.Host} resolves only to loopback, private or link-local addresses");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Scheme and host only: attachment and file URLs carry signatures in their query.</summary>
    public static string Describe(Uri url) => url.IsAbsoluteUri ? $"{url.Scheme}://{url.Authority}" : "a relative URL";
}
