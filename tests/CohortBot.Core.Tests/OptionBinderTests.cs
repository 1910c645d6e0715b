using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Tests;

public sealed class OptionBinderTests
{
    private static readonly Texts T = new MessageCatalogue().For("en");
    private static readonly PlatformUser Alice = new("terminal", "alice", "alice");

    [Fact]
    public void Bind_TextValues_BecomeTyped()
    {
        var r = OptionBinder.Bind(Catalogue.Rsvp, Invocation.Create("rsvp", Alice, ("event", " oh-1 "), ("cancel", "yes")), T);
        Assert.Null(r.Error);
        Assert.Equal("oh-1", r.Invocation!.Options["event"]);
        Assert.Equal(true, r.Invocation.Options["cancel"]);
    }

    [Theory]
    [InlineData("week", "three", "whole number")]
    [InlineData("week", "0", "between 1 and 1000")]
    [InlineData("week", "99999999999999999999", "whole number")]
    [InlineData("colour", "red", "no option 'colour'")]
    public void Bind_BadValue_NamesTheOption(string option, string value, string expected)
    {
        var r = OptionBinder.Bind(Catalogue.Submit, Invocation.Create("submit", Alice, (option, value)), T);
        Assert.Null(r.Invocation);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_MissingRequired_ShowsUsage()
    {
        var r = OptionBinder.Bind(Catalogue.Submit, Invocation.Create("submit", Alice, ("url", "https://x.org")), T);
        Assert.Contains("/submit week:<week>", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0007")]
    public void Bind_RequiredTextThatCleansToNothing_IsRefusedAsMissing(string id)
    {
        // Found by the dispatcher property: /event-cancel id:"" reached the handler with a null id.
        var r = OptionBinder.Bind(Catalogue.EventCancel, Invocation.Create("event-cancel", Alice, ("id", id)), T);
        Assert.Null(r.Invocation);
        Assert.Contains("id", r.Error);
    }

    [Fact]
    public void Bind_TextWhereFileExpected_IsRefused()
    {
        var r = OptionBinder.Bind(Catalogue.Submit, Invocation.Create("submit", Alice, ("week", 1L), ("file", "/etc/passwd")), T);
        Assert.Contains("attached file", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_TooLongNote_IsRefused()
    {
        var r = OptionBinder.Bind(Catalogue.Submit, Invocation.Create("submit", Alice, ("week", 1L), ("note", new string('가', 501))), T);
        Assert.Contains("too long", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_HalfACharacter_IsDropped_NotACrash()
    {
        var r = OptionBinder.Bind(Catalogue.Submit, Invocation.Create("submit", Alice, ("week", "1"), ("note", "ok\ud800 then \ud83d\ude00")), T);
        Assert.Null(r.Error);
        Assert.Equal("ok then \ud83d\ude00", r.Invocation!.Options["note"]);
    }
}
