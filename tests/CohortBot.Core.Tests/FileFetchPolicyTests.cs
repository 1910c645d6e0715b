using System.Net;
using CohortBot.Core.Fetching;

namespace CohortBot.Core.Tests;

public sealed class FileFetchPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::")]
    public void InsideAddresses_AreNotPublic(string address) =>
        Assert.False(FileFetchPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("162.159.128.233")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::6810:1")]
    [InlineData("::ffff:8.8.8.8")]
    public void OutsideAddresses_ArePublic(string address) =>
        Assert.True(FileFetchPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("*.slack.com", "https://files.slack.com/files-pri/T1-F1/x.png", true)]
    [InlineData("*.slack.com", "https://slack.com/x", true)]
    [InlineData("*.slack.com", "https://files.slack.com.evil.example/x", false)]
    [InlineData("*.slack.com", "https://evilslack.com/x", false)]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/cdn/x", true)]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5081/cdn/x", false)]
    [InlineData("http://127.0.0.1:5080", "https://127.0.0.1:5080/cdn/x", false)]
    public void Origins_MatchSchemeHostAndPort(string origin, string url, bool matches)
    {
        Assert.True(FileOrigin.TryParse(origin, out var parsed));
        Assert.Equal(matches, new FileFetchPolicy([parsed]).Allows(new Uri(url)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftp://files.example")]
    [InlineData("https://cdn.discordapp.com/attachments")]
    [InlineData("https://cdn.discordapp.com?x=1")]
    [InlineData("https://user:pw@cdn.discordapp.com")]
    public void Origins_ThatAreNotOrigins_AreRefused(string text) =>
        Assert.False(FileOrigin.TryParse(text, out _));
}
