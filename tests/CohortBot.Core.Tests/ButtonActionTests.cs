using CohortBot.Core.Commands;

namespace CohortBot.Core.Tests;

public sealed class ButtonActionTests
{
    [Fact]
    public void Encode_ThenParse_RoundTrips()
    {
        var encoded = ButtonAction.Encode("rsvp", ("event", "oh-dable 1&2"), ("cancel", "true"));
        Assert.True(ButtonAction.TryParse(encoded, out var action));
        Assert.Equal("rsvp", action.Command);
        Assert.Equal("oh-dable 1&2", action.Options["event"]);
        Assert.Equal("true", action.Options["cancel"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RSVP?x=1")]
    [InlineData("rsvp?novalue")]
    [InlineData("../etc")]
    public void TryParse_Garbage_IsRejected(string? encoded)
    {
        Assert.False(ButtonAction.TryParse(encoded, out _));
    }

    [Fact]
    public void Encode_LongerThanDiscordAllows_Throws()
    {
        Assert.Throws<ArgumentException>(() => ButtonAction.Encode("rsvp", ("event", new string('a', 120))));
    }

    [Fact]
    public void TryParse_AnOptionTwice_IsNotOurs()
    {
        Assert.False(ButtonAction.TryParse("submit?week=1&week=2", out _));
        Assert.False(ButtonAction.TryParse("submit?week=1&WEEK=2", out _));
    }
}
