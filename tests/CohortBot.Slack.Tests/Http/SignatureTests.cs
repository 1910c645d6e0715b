using System.Text;
using CohortBot.Slack.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Slack.Tests.Http;

/// <summary>Slack's own example from "Verifying requests from Slack", checked against a fake clock.</summary>
public sealed class SignatureTests
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Timestamp = "1531420618";
    public const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    public const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void DocumentedExample_SignsToTheDocumentedValue() =>
        Assert.Equal(Expected, SlackSignatureVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void DocumentedExample_VerifiesWithinTheWindow()
    {
        var verifier = Verifier(SignedAt.AddSeconds(299));
        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void DocumentedExample_IsStaleOutsideFiveMinutes(int seconds) =>
        Assert.Equal(SignatureCheck.Stale, Verifier(SignedAt.AddSeconds(seconds)).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void TamperedBody_IsRefused() =>
        Assert.Equal(SignatureCheck.Mismatch, Verifier(SignedAt).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body.Replace("roadrunner", "coyote", StringComparison.Ordinal))));

    [Fact]
    public void TamperedSignatureOrTimestamp_IsRefused()
    {
        var verifier = Verifier(SignedAt);
        var body = Encoding.UTF8.GetBytes(Body);
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(Timestamp, Expected[..^1] + "4", body));
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify("1531420619", Expected, body));
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(Timestamp, "v0=abc", body));
        Assert.Equal(SignatureCheck.Missing, verifier.Verify(Timestamp, null, body));
        Assert.Equal(SignatureCheck.Missing, verifier.Verify(null, Expected, body));
        Assert.Equal(SignatureCheck.Stale, verifier.Verify("-5", Expected, body));
        Assert.Equal(SignatureCheck.Stale, verifier.Verify("99999999999999999999", Expected, body));
    }

    [Fact]
    public void WrongSecret_IsRefused() =>
        Assert.Equal(SignatureCheck.Mismatch, SlackSignatureVerifier.Verify("another-secret", Timestamp, Expected, Encoding.UTF8.GetBytes(Body), SignedAt));

    private static SlackSignatureVerifier Verifier(DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = Secret }), new FakeTimeProvider(now));
}
