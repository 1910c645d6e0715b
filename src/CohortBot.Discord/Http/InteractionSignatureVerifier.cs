using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace CohortBot.Discord.Http;

/// <summary>
/// Ed25519 check of Discord's HTTP interactions: the signature covers the timestamp header's
/// bytes followed by the raw body. Discord probes the endpoint with bad signatures and removes
/// the URL if any is accepted.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    private readonly PublicKey _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _maxSkew;

    public InteractionSignatureVerifier(string publicKeyHex, TimeProvider clock, TimeSpan maxSkew)
    {
        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        _clock = clock;
        _maxSkew = maxSkew;
    }

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: 128 } || string.IsNullOrEmpty(timestamp) || timestamp.Length > 20)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        // Our own hardening (Discord states no window): a captured request cannot be replayed later.
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (_clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).Duration() > _maxSkew)
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[stamp.Length + body.Length];
        stamp.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(stamp.Length));
        return SignatureAlgorithm.Ed25519.Verify(_key, message, signature);
    }
}
