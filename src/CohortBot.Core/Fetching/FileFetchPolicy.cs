using System.Net;
using System.Net.Sockets;

namespace CohortBot.Core.Fetching;

/// <summary>
/// Where an adapter may fetch files from (attachments, uploaded proofs): a URL must match one of
/// the <see cref="Origins"/>, every redirect is checked again, and the address actually connected
/// to must be public unless the matching origin allows otherwise (checked when the connection is
/// opened, so a DNS answer that changes between check and connect cannot reach the inside).
/// </summary>
public sealed class FileFetchPolicy(IReadOnlyList<FileOrigin> origins)
{
    public IReadOnlyList<FileOrigin> Origins { get; } = origins;

    public bool Allows(Uri url) => Origins.Any(o => o.Matches(url));

    public bool AllowsPrivateAddress(string host, int port) =>
        Origins.Any(o => o.AllowPrivateAddress && o.Port == port && o.MatchesHost(host));

    /// <summary>
    /// False for loopback, private (RFC 1918, unique-local), link-local (cloud metadata lives at
    /// 169.254.169.254), shared (100.64/10), unspecified, multicast and other special addresses.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC // fc00::/7 unique local
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // 2001:db8::/32 documentation
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B) // 64:ff9b::/96 NAT64 (can point at IPv4 inside)
                || (b[0] == 0x20 && b[1] == 0x02)); // 2002::/16 6to4 (embeds an IPv4 address)
        }

        return false;
    }
}
