using CohortBot.Core.Text;

namespace CohortBot.Core.Tests;

public sealed class TextClipTests
{
    [Fact]
    public void Truncate_ShortText_IsUnchanged()
    {
        Assert.Equal("안녕하세요", TextClip.Truncate("안녕하세요", 5));
    }

    [Fact]
    public void Truncate_NeverSplitsASurrogatePairOrCombiningSequence()
    {
        var emoji = string.Concat(Enumerable.Repeat("👩‍💻", 10)); // each is several UTF-16 units
        var clipped = TextClip.Truncate(emoji, 12);
        Assert.True(clipped.Length <= 12);
        Assert.EndsWith(TextClip.Ellipsis, clipped, StringComparison.Ordinal);
        Assert.Equal(0, (clipped.Length - 1) % "👩‍💻".Length);

        var decomposed = string.Concat(Enumerable.Repeat("\u1100\u1161\u11A8", 5)); // 각 written as conjoining jamo
        var jamo = TextClip.Truncate(decomposed, 8);
        Assert.Equal("\u1100\u1161\u11A8\u1100\u1161\u11A8…", jamo);
    }
}
