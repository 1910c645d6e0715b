using CohortBot.Core.Submissions;

namespace CohortBot.Core.Tests;

public sealed class ProofChecksTests
{
    public static TheoryData<byte[], string?> Headers => new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/png" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "image/jpeg" },
        { "GIF89a...."u8.ToArray(), "image/gif" },
        { "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), "image/webp" },
        { "RIFF\0\0\0\0WAVEfmt "u8.ToArray(), null },
        { "%PDF-1.7"u8.ToArray(), null },
        { "<svg xmlns="u8.ToArray(), null },
        { Array.Empty<byte>(), null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Detect_UsesMagicBytes(byte[] header, string? expected)
    {
        Assert.Equal(expected, ImageFormat.Detect(header));
    }

    [Theory]
    [InlineData("https://coursera.org/verify/ABC", true)]
    [InlineData("http://example.com", true)]
    [InlineData("<https://example.com/x>", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://example.com/a", false)]
    [InlineData("https://user:pw@example.com/", false)]
    [InlineData("example.com/page", false)]
    [InlineData("https://exa mple.com", false)]
    [InlineData("", false)]
    public void ProofUrl_AcceptsOnlyAbsoluteHttp(string text, bool ok)
    {
        Assert.Equal(ok, ProofUrl.TryNormalize(text, out _));
    }

    [Fact]
    public void ProofUrl_TooLong_IsRejected()
    {
        Assert.False(ProofUrl.TryNormalize("https://example.com/" + new string('a', ProofUrl.MaxLength), out _));
    }
}
