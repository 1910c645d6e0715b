using CohortBot.Core.Digests;

namespace CohortBot.Scheduling.Tests;

public sealed class MessagePagerTests
{
    [Fact]
    public void Pack_ALongMissingList_SplitsWithinPlatformLimits_AndKeepsEveryLineInOrder()
    {
        var names = Enumerable.Range(1, 1200).Select(i => $"Participant number {i:D4}").ToList();
        var sections = new[]
        {
            new MessagePager.Section("Missing week 3 (1200)", names),
            new MessagePager.Section("Events", ["Talk A", "Talk B"]),
        };

        var pages = MessagePager.Pack("Digest", "Week 3: 0 of 1200 submitted.", sections, "(continued)");

        Assert.True(pages.Count > 10);
        foreach (var page in pages)
        {
            var size = (page.Title?.Length ?? 0) + page.Text.Length + page.Fields.Sum(f => f.Name.Length + f.Value.Length);
            Assert.InRange(size, 1, MessagePager.MaxMessageChars);
            Assert.InRange(page.Fields.Count, 1, MessagePager.MaxFields);
            Assert.All(page.Fields, f => Assert.InRange(f.Value.Length, 1, MessagePager.MaxFieldValue));
        }

        var lines = pages.SelectMany(p => p.Fields).Where(f => f.Name.StartsWith("Missing", StringComparison.Ordinal)).SelectMany(f => f.Value.Split('\n')).ToList();
        Assert.Equal(names, lines);
        Assert.Equal("Week 3: 0 of 1200 submitted.", pages[0].Text);
        Assert.All(pages.Skip(1), p => Assert.Equal("(continued)", p.Text));
        Assert.Equal("Talk A\nTalk B", pages[^1].Fields[^1].Value);
    }

    [Fact]
    public void Pack_ShortContent_IsOneMessage_AndEmptySectionsShowADash()
    {
        var pages = MessagePager.Pack("Digest", "All good.", [new MessagePager.Section("Missing", [])], "(continued)");

        var page = Assert.Single(pages);
        Assert.Equal("-", Assert.Single(page.Fields).Value);
    }

    [Fact]
    public void Pack_ManySmallSections_NeverExceeds25Fields()
    {
        var sections = Enumerable.Range(1, 60).Select(i => new MessagePager.Section($"S{i}", ["x"])).ToList();

        var pages = MessagePager.Pack("T", "t", sections, "c");

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.True(p.Fields.Count <= MessagePager.MaxFields));
        Assert.Equal(60, pages.Sum(p => p.Fields.Count));
    }
}
