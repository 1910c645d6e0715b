using System.Text;
using CohortBot.Discord.Http;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace CohortBot.Discord.Tests.Http;

public sealed class SignatureTests
{
    internal const string Test1Secret = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    internal const string Test1Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string DiscordShapedSignature = "1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f";
    private static readonly byte[] PingBody = "{\"type\":1}"u8.ToArray();

    private static InteractionSignatureVerifier VerifierAt(long unixSeconds) =>
        new(Test1Public, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), TimeSpan.FromMinutes(5));

    [Theory]
    [InlineData(Test1Public, "", "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72", "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    public void Rfc8032Vectors_VerifyWithTheImportUsedByTheEndpoint(string publicKey, string message, string signature)
    {
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKey), KeyBlobFormat.RawPublicKey);
        var sig = Convert.FromHexString(signature);

        Assert.True(SignatureAlgorithm.Ed25519.Verify(key, Convert.FromHexString(message), sig));
        sig[0] ^= 1;
        Assert.False(SignatureAlgorithm.Ed25519.Verify(key, Convert.FromHexString(message), sig));
    }

    [Fact]
    public void DiscordShapedVector_Verifies()
    {
        Assert.True(VerifierAt(1_700_000_010).Verify(DiscordShapedSignature, "1700000000", PingBody));
    }

    [Fact]
    public void SigningWithTest1Secret_ReproducesTheDiscordShapedVector()
    {
        Assert.Equal(DiscordShapedSignature, Sign("1700000000", PingBody));
    }

    [Theory]
    [InlineData("1700000001", "{\"type\":1}")]
    [InlineData("1700000000", "{\"type\":2}")]
    [InlineData("1700000000", "{\"type\":1} ")]
    public void TamperedTimestampOrBody_IsRejected(string timestamp, string body)
    {
        Assert.False(VerifierAt(1_700_000_010).Verify(DiscordShapedSignature, timestamp, Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData(1_700_000_000 + 301)]
    [InlineData(1_700_000_000 - 301)]
    public void StaleOrFutureTimestamp_IsRejected(long now)
    {
        Assert.False(VerifierAt(now).Verify(DiscordShapedSignature, "1700000000", PingBody));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz95961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f")]
    [InlineData("1695961a")]
    [InlineData("0695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f")]
    public void MalformedOrWrongSignature_IsRejected(string? signature)
    {
        Assert.False(VerifierAt(1_700_000_010).Verify(signature, "1700000000", PingBody));
    }

    [Fact]
    public void MissingOrNonNumericTimestamp_IsRejected()
    {
        var verifier = VerifierAt(1_700_000_010);
        Assert.False(verifier.Verify(DiscordShapedSignature, null, PingBody));
        Assert.False(verifier.Verify(DiscordShapedSignature, "-1700000000", PingBody));
    }

    internal static string Sign(string timestamp, byte[] body)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(Test1Secret), KeyBlobFormat.RawPrivateKey);
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));
    }
}
