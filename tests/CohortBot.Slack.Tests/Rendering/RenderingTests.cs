using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Time;
using CohortBot.Slack.Commands;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.Rendering;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Slack.Wire;
using CohortBot.Testing;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.Tests.Rendering;

public sealed class RenderingTests
{
    [Fact]
    public void TimeTokens_BecomeSlackDates_WithUtcFallback()
    {
        var at = new DateTimeOffset(2026, 3, 2, 18, 30, 0, TimeSpan.Zero);
        var text = SlackText.Mrkdwn("Due " + TimeMarkup.Token(at) + " & <b>", 3000);
        Assert.Equal($"Due <!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|2026-03-02T18:30:00Z> &amp; &lt;b&gt;", text);
    }

    [Fact]
    public void CommandMentions_AreRewrittenAsSubCommands_ButNotInsideUrls() =>
        Assert.Equal("Try /cohort submit or /cohort help, see https://x.example/submit and /unknown",
            SlackCommandNames.Rewrite("Try /submit or /help, see https://x.example/submit and /unknown"));

    [Fact]
    public void ManyFields_AreSplitTenPerSection_AndBlocksStayWithinFifty()
    {
        var reply = new Reply("text") { Title = "T", Fields = [.. Enumerable.Range(1, 600).Select(i => new ReplyField("f" + i, "v"))] };
        var blocks = BlockKitRenderer.Render(reply).Blocks;

        Assert.True(blocks.Count <= BlockKitRenderer.MaxBlocks);
        Assert.All(blocks.OfType<SectionBlock>().Where(b => b.Fields is not null), b => Assert.True(b.Fields!.Count <= 10));
        Assert.IsType<ContextBlock>(blocks[^1]);
    }

    [Fact]
    public void LongText_IsSplitIntoSectionsUnder3000_EvenWhenEscapingGrowsIt()
    {
        var reply = new Reply(string.Concat(Enumerable.Repeat("a&b<c>\n", 2000)));
        var sections = BlockKitRenderer.Render(reply).Blocks.OfType<SectionBlock>().ToList();

        Assert.True(sections.Count > 1);
        Assert.All(sections, s => Assert.True(s.Text!.Text.Length <= BlockKitRenderer.MaxSectionText));
        Assert.True(BlockKitRenderer.Render(reply).Text.Length <= BlockKitRenderer.MaxFallbackText);
    }

    [Fact]
    public void Clipping_NeverCutsADateTokenOrAnEscape()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var text = new string('x', 2990) + TimeMarkup.Token(at);
        var clipped = SlackText.Mrkdwn(text, 3000);
        Assert.True(clipped.Length <= 3000);
        Assert.DoesNotContain("<!date", clipped);
        Assert.EndsWith("…", clipped);
        Assert.DoesNotContain("&am…", SlackText.Mrkdwn(new string('y', 2997) + "&&", 3000));
    }

    [Fact]
    public void Buttons_CarryTheButtonActionAsActionIdAndValue()
    {
        var action = ButtonAction.Encode("rsvp", ("event", "oh-1"), ("cancel", "true"));
        var reply = new Reply("x") { Buttons = [new ReplyButton("Cancel RSVP", action, ButtonStyle.Danger), new ReplyButton("dup", action)] };
        var actions = BlockKitRenderer.Render(reply).Blocks.OfType<ActionsBlock>().Single();
        var button = Assert.Single(actions.Elements);
        Assert.Equal(action, button.ActionId);
        Assert.Equal(action, button.Value);
        Assert.Equal("danger", button.Style);
    }

    [Fact]
    public void Modal_HasShortTitle_FileInput_AndMetadataThatRoundTrips()
    {
        var form = new ReplyForm("Proof for week 12 of the long cohort", "submit", new Dictionary<string, string> { ["week"] = "12" },
            [new FormField("url", "Link", false), new FormField("file", "Screenshot", false, IsFile: true), new FormField("note", "Note", false, true, 500)]);
        var view = ModalBuilder.Build(form, "intro", "C1", "https://hooks.slack.com/x");

        Assert.True(view.Title.Text.Length <= ModalBuilder.MaxTitle);
        Assert.Contains("\"type\":\"file_input\"", SlackJson.SerializeToString(new OpenViewRequest("t", view), SlackJson.Context.OpenViewRequest));
        var meta = FormMetadata.TryParse(view.PrivateMetadata)!;
        Assert.Equal("submit", meta.Command);
        Assert.Equal("12", meta.Fixed["week"]);
        Assert.Equal("C1", meta.ChannelId);
        Assert.Null(FormMetadata.TryParse("{broken"));
    }

    [Fact]
    public void FieldErrors_AreLocatedFromTheCatalogueTemplates()
    {
        var catalogue = new MessageCatalogue();
        var locator = new FieldErrorLocator(catalogue);
        var t = catalogue.For("en");
        string[] fields = ["url", "file", "note"];

        Assert.Equal("url", locator.Locate(t["proof.bad_url"], fields));
        Assert.Equal("file", locator.Locate(t["proof.too_large", new { limit = "8" }], fields));
        Assert.Equal("note", locator.Locate(t["option.too_long", new { option = "note", max = 500 }], fields));
        Assert.Null(locator.Locate(t["option.too_long", new { option = "week", max = 5 }], fields));
        Assert.Null(locator.Locate(t["submit.closed", new { week = 1, closed = "x", valid = "y" }], fields));
    }

    [Theory]
    [InlineData("Sorry, /event-create is for organizers only.", "Sorry, /cohort event-create is for organizers only.")]
    [InlineData("Type /checkin-open tt-1, then /events.", "Type /cohort checkin-open tt-1, then /cohort events.")]
    [InlineData("See https://example.com/event-create and /nosuch-thing", "See https://example.com/event-create and /nosuch-thing")]
    public void CommandNames_AreRewrittenAsSlackUsersTypeThem_HyphenatedOnesToo(string core, string slack)
    {
        Assert.Equal(slack, SlackCommandNames.Rewrite(core));
    }

    [Theory]
    [InlineData("", "help")]
    [InlineData("   HELP  ", "help")]
    [InlineData("submit 3 https://example.com/p", "submit")]
    [InlineData("rsvp oh-1 cancel", "rsvp")]
    public void SubCommands_AreParsedIntoCatalogueCommands(string text, string command)
    {
        var result = SubCommandParser.Parse(text);
        Assert.Null(result.Problem);
        Assert.Equal(command, result.Command);
    }

    [Fact]
    public void SubCommandOptions_ArePositionalNamedOrFlags()
    {
        var submit = SubCommandParser.Parse("submit 3 https://example.com/p note:\"a b\"");
        Assert.Equal("3", submit.Options["week"]);
        Assert.Equal("https://example.com/p", submit.Options["url"]);
        Assert.Equal("a b", submit.Options["note"]);
        Assert.Equal("true", SubCommandParser.Parse("rsvp oh-1 cancel").Options["cancel"]);
    }

    [Fact]
    public void Options_RefuseBadTokens_NamingTheKey_NeverTheValue()
    {
        var validator = new SlackOptionsValidator();
        var bad = validator.Validate(null, new SlackOptions { AppToken = "xoxb-secret-value", BotToken = "xapp-other-secret", AckBudget = TimeSpan.FromSeconds(5) });
        var message = string.Join("\n", bad.Failures!);

        Assert.Contains("Slack:AppToken must start with 'xapp-'", message);
        Assert.Contains("Slack:BotToken must start with 'xoxb-'", message);
        Assert.Contains("Slack:AckBudget", message);
        Assert.DoesNotContain("secret-value", message);
        Assert.DoesNotContain("other-secret", message);
        Assert.True(validator.Validate(null, new SlackOptions { AppToken = "xapp-test", BotToken = "xoxb-test" }).Succeeded);
        var http = validator.Validate(null, new SlackOptions { BotToken = "xoxb-test", Http = new SlackHttpOptions { Enabled = true } });
        Assert.Contains("Slack:SigningSecret is required", string.Join("\n", http.Failures!));
        foreach (var size in new[] { 0L, SlackOptionsValidator.MaxSlackUploadBytes + 1 })
        {
            var upload = validator.Validate(null, new SlackOptions { AppToken = "xapp-test", BotToken = "xoxb-test", MaxUploadBytes = size });
            Assert.Contains("Slack:MaxUploadBytes must be between 1 and", string.Join("\n", upload.Failures!));
        }
    }

    [Fact]
    public async Task HostStart_FailsOnInvalidOptions()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackBot.StartAsync(fake, s => s["Slack:BotToken"] = "not-a-token"));
        Assert.Contains("Slack:BotToken", ex.Message);
    }
}
