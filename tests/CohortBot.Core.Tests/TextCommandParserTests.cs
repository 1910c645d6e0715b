using CohortBot.Core.Commands;

namespace CohortBot.Core.Tests;

public sealed class TextCommandParserTests
{
    [Fact]
    public void Parse_NamedOptions_KeepsValues()
    {
        var r = TextCommandParser.Parse("/submit week:3 url:https://coursera.org/verify/X note:\"done, finally\"");
        Assert.Null(r.Error);
        Assert.Equal("submit", r.Command);
        Assert.Equal("3", r.Options["week"]);
        Assert.Equal("https://coursera.org/verify/X", r.Options["url"]);
        Assert.Equal("done, finally", r.Options["note"]);
    }

    [Fact]
    public void Parse_PositionalValues_FillOptionsInOrder()
    {
        var r = TextCommandParser.Parse("submit 3 https://example.com/p");
        Assert.Null(r.Error);
        Assert.Equal("3", r.Options["week"]);
        Assert.Equal("https://example.com/p", r.Options["url"]);
    }

    [Fact]
    public void Parse_UrlWithColon_IsNotMistakenForAnOption()
    {
        var r = TextCommandParser.Parse("/submit week:2 https://example.com:8080/a?b=c");
        Assert.Equal("https://example.com:8080/a?b=c", r.Options["url"]);
    }

    [Fact]
    public void Parse_BareBooleanOptionName_MeansTrue()
    {
        var r = TextCommandParser.Parse("/rsvp event:oh-1 cancel");
        Assert.Null(r.Error);
        Assert.Equal("oh-1", r.Options["event"]);
        Assert.Equal("true", r.Options["cancel"]);
    }

    [Fact]
    public void Parse_Hangul_IsPreserved()
    {
        var r = TextCommandParser.Parse("/submit 1 https://example.com note:\"1주차 완료했습니다\"");
        Assert.Equal("1주차 완료했습니다", r.Options["note"]);
    }

    [Theory]
    [InlineData("", TextParseError.Empty)]
    [InlineData("   ", TextParseError.Empty)]
    [InlineData("/submit note:\"open", TextParseError.UnclosedQuote)]
    [InlineData("/submit weak:3", TextParseError.UnknownOption)]
    [InlineData("/deadlines extra", TextParseError.TooManyValues)]
    [InlineData("/nosuch", TextParseError.UnknownCommand)]
    public void Parse_BadInput_SaysWhy(string line, TextParseError expected)
    {
        Assert.Equal(expected, TextCommandParser.Parse(line).Error);
    }

    [Theory]
    [InlineData("/submit week:12 week:11 url:https://example.com/p", "week")]
    [InlineData("/submit 12 week:11 url:https://example.com/p", "week")]
    [InlineData("/submit 12 https://example.com/p url:https://example.com/q", "url")]
    [InlineData("/attend tt-one participant:#1 participant:#2", "participant")]
    [InlineData("/rsvp oh-1 cancel cancel", "cancel")]
    [InlineData("/rsvp oh-1 cancel:yes cancel", "cancel")]
    [InlineData("/submit Week:3 week:4", "week")]
    public void Parse_RepeatedOption_IsRefused_NamingIt(string line, string option)
    {
        var r = TextCommandParser.Parse(line);
        Assert.Equal(TextParseError.RepeatedOption, r.Error);
        Assert.Equal(option, r.Detail);
        Assert.Equal("option.repeated", r.Problem!.Key);
    }

    [Theory]
    [InlineData("/submit 12 https://example.com/p url2:x", "url2")]
    [InlineData("/submit 12 https://example.com/p note2:\"x\"", "note2")]
    public void Parse_UnknownOptionWithDigits_IsRefused_NotTakenAsAValue(string line, string option)
    {
        var r = TextCommandParser.Parse(line);
        Assert.Equal(TextParseError.UnknownOption, r.Error);
        Assert.Equal(option, r.Detail);
    }

    [Fact]
    public void Parse_TimesAndUrlsWithColons_AreStillValues()
    {
        var r = TextCommandParser.Parse("/extend 3 2026-10-04T23:59");
        Assert.Null(r.Error);
        Assert.Equal("2026-10-04T23:59", r.Options["until"]);
        Assert.Equal("10:30", TextCommandParser.Parse("/submit 3 https://example.com/p 10:30").Options["note"]);
    }

    [Fact]
    public void Parse_HugeInput_IsRefusedWithoutWork()
    {
        var r = TextCommandParser.Parse("/submit " + new string('x', TextCommandParser.MaxInputLength));
        Assert.Equal(TextParseError.TooLong, r.Error);
    }

    [Fact]
    public void ParseArguments_WithoutCommandName_UsesGivenCommand()
    {
        var r = TextCommandParser.ParseArguments(Catalogue.Rsvp, "tt-dable");
        Assert.Null(r.Error);
        Assert.Equal("tt-dable", r.Options["event"]);
    }
}
