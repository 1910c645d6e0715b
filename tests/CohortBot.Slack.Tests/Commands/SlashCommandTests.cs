using System.Text.Json.Nodes;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Testing;

namespace CohortBot.Slack.Tests.Commands;

/// <summary>Every core command typed as <c>/cohort …</c> over Socket Mode, answered in the acknowledgement.</summary>
public sealed class SlashCommandTests
{
    [Fact]
    public async Task BareCohort_IsHelp_ListingSubCommandsAsSlackUsersTypeThem()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var ack = await SlashAsync(fake, socket, "");

        var payload = ack["payload"]!.AsObject();
        Assert.Equal("ephemeral", payload["response_type"]!.ToString());
        var json = payload.ToText();
        Assert.Contains("/cohort submit week:", json);
        Assert.Contains("/cohort rsvp event:", json);
        Assert.DoesNotContain("\"/submit", json);
        Assert.Equal("header", payload["blocks"]![0]!["type"]!.ToString());
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task Help_LooksUpTheProfileInTheBackground_FormEncoded()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        await SlashAsync(fake, socket, "help");
        await SlashAsync(fake, socket, "help");

        // The command did not wait for it; it was asked once, however many commands came.
        var call = await fake.EventuallyAsync(() => fake.CallsTo("users.info").SingleOrDefault(), "the profile look-up");
        Assert.Single(fake.CallsTo("users.info"));
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType);
        Assert.Equal("U1", call.Parameters["user"]!.ToString());
        Assert.Equal("true", call.Parameters["include_locale"]!.ToString());
        Assert.Equal("Bearer " + FakeSlack.BotToken, call.Authorization);
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task SubmitWithLink_IsRecorded_AndProgressShowsIt()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var ack = await SlashAsync(fake, socket, "submit 1 https://example.com/proof note:\"all done\"");
        Assert.Contains("Week 1 proof received", ack["payload"]!.ToText());
        var saved = await bot.LatestSubmissionAsync("U1", 1);
        Assert.NotNull(saved);
        Assert.Equal("https://example.com/proof", saved.Url);
        Assert.Equal("all done", saved.Note);

        var progress = await SlashAsync(fake, socket, "progress");
        Assert.Contains("Weeks (1/1 submitted)", progress["payload"]!.ToText());
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task Deadlines_ShowTimesAsSlackDateTokens_AndASubmitButton()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var payload = (await SlashAsync(fake, socket, "deadlines"))["payload"]!.AsObject();

        var due = bot.Start.AddDays(4).ToUnixTimeSeconds();
        Assert.Contains($"<!date^{due}^{{date_short_pretty}} {{time}}|", payload.ToText());
        var actions = payload["blocks"]!.AsArray().Single(b => b!["type"]!.ToString() == "actions");
        Assert.Equal("submit?week=1", actions!["elements"]![0]!["action_id"]!.ToString());
    }

    [Fact]
    public async Task Events_EscapeUserText_AndOfferRsvpButtons()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var json = (await SlashAsync(fake, socket, "events"))["payload"]!.ToText();

        Assert.Contains("Office hours &lt;week 1&gt;", json);
        Assert.Contains("Tech talk &amp; demo", json);
        Assert.Contains("\"action_id\":\"rsvp?event=oh-1\"", json);
    }

    [Fact]
    public async Task Rsvp_ThenCancelAsFlag()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        Assert.Contains("You're going to", (await SlashAsync(fake, socket, "rsvp oh-1"))["payload"]!.ToText());
        Assert.Contains("is cancelled", (await SlashAsync(fake, socket, "rsvp oh-1 cancel"))["payload"]!.ToText());
    }

    [Fact]
    public async Task Cert_WithLink_IsAccepted()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var json = (await SlashAsync(fake, socket, "cert aws-ccp https://credly.example/badge/1"))["payload"]!.ToText();

        Assert.Contains("AWS Cloud Practitioner received", json);
    }

    [Theory]
    [InlineData("frobnicate", "I don't know the command /cohort frobnicate")]
    [InlineData("submit 1 colour:red", "has no option 'colour'")]
    [InlineData("submit 1 note:\"unclosed", "A quote is not closed")]
    [InlineData("submit abc", "'week' must be a whole number")]
    [InlineData("submit 9 https://example.com", "There is no week 9")]
    [InlineData("rsvp", "/cohort rsvp needs 'event'")]
    [InlineData("deadlines extra", "I don't know where 'extra' goes")]
    [InlineData("submit 1 week:2 https://example.com", "'week' is given twice")]
    [InlineData("submit 1 https://example.com url2:x", "has no option 'url2'")]
    public async Task BadInput_GetsAClearEphemeralError(string text, string expected)
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var payload = (await SlashAsync(fake, socket, text))["payload"]!.AsObject();

        Assert.Equal("ephemeral", payload["response_type"]!.ToString());
        Assert.Contains(expected, payload.ToText());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("submit 1 note:\"unclosed")]
    [InlineData("submit 1 colour:red")]
    [InlineData("deadlines extra")]
    [InlineData("review")]
    public async Task SavedLanguage_IsUsedForRefusalsTheParserMakes(string text)
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        await SlashAsync(fake, socket, "language code:ko");

        var json = (await SlashAsync(fake, socket, text))["payload"]!.ToText();

        Assert.Matches("[가-힣]", json);
        Assert.DoesNotMatch(@"\b(I|Sorry|Try|Usage|options?|quote)\b", json);
    }

    [Fact]
    public async Task OrganizerOnly_Refusal_NamesTheCommandAsSlackUsersTypeIt()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var json = (await SlashAsync(fake, socket, "event-create id:x kind:tech_talk title:X starts:\"2026-12-01 20:00\""))["payload"]!.ToText();

        Assert.Contains("Sorry, /cohort event-create is for organizers only.", json);
    }

    [Fact]
    public async Task UnknownCommand_ListsOnlyWhatAParticipantMayRun()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var json = (await SlashAsync(fake, socket, "frobnicate"))["payload"]!.ToText();

        Assert.Contains("/cohort submit", json);
        Assert.DoesNotContain("/cohort review", json);
        Assert.DoesNotContain("/cohort event-create", json);
    }

    [Fact]
    public async Task HugeText_IsRefusedAsTooLong_AndTheSocketKeepsWorking()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var huge = await SlashAsync(fake, socket, "submit 1 " + new string('x', 50_000));
        Assert.Contains("too long", huge["payload"]!.ToText());

        var after = await SlashAsync(fake, socket, "help");
        Assert.NotNull(after["payload"]);
    }

    /// <summary>
    /// The acknowledgement of a slash command, which carries its reply: the bot's clock does not
    /// move unless the test moves it, so the ack budget never runs out under the test (however
    /// slow the machine), and a reply that went anywhere else is a failure.
    /// </summary>
    internal static async Task<JsonObject> SlashAsync(FakeSlack fake, FakeSocket socket, string text, string user = "U1")
    {
        var id = await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, text, user, responseId: "s" + Guid.NewGuid().ToString("N")[..8]), acceptsResponsePayload: true);
        var ack = (await fake.AckFor(id)).Ack;
        Assert.True(ack["payload"] is not null, $"'/cohort {text}' was acknowledged without its reply");
        return ack;
    }
}
