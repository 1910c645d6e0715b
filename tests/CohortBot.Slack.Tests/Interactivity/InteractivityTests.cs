using System.Text.Json.Nodes;
using CohortBot.Slack.Tests.Commands;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Testing;

namespace CohortBot.Slack.Tests.Interactivity;

/// <summary>Buttons (block_actions) and the proof modal (views.open, file_input, view_submission).</summary>
public sealed class InteractivityTests
{
    [Fact]
    public async Task RsvpButton_RunsTheCommand_AndAnswersThroughResponseUrl()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var id = await socket.SendEnvelopeAsync("interactive", Payloads.BlockAction(fake, "rsvp?event=oh-1", responseId: "press"), acceptsResponsePayload: false);
        var ack = await fake.AckFor(id);
        Assert.Null(ack.Ack["payload"]);

        var answer = await fake.WaitForResponsePostAsync("press");
        Assert.Contains("You're going to Office hours", answer.ToText());
        Assert.Equal("ephemeral", answer["response_type"]!.ToString());
        Assert.False(answer["replace_original"]!.GetValue<bool>());
        Assert.Contains("rsvp?event=oh-1&cancel=true", answer.ToText());
    }

    [Fact]
    public async Task SubmitWithoutProof_OpensModal_AndSubmittingAnImageRecordsIt()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        fake.Files["F123"] = Payloads.Png;

        var trigger = Payloads.NewTrigger();
        var envelope = await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "submit 1", trigger: trigger, responseId: "modal"), acceptsResponsePayload: true);
        await fake.AckFor(envelope);
        var open = await fake.WaitForCallAsync("views.open");
        Assert.Equal(trigger, open.Parameters["trigger_id"]!.ToString());
        var view = open.Parameters["view"]!.AsObject();
        Assert.Equal("modal", view["type"]!.ToString());
        Assert.True(view["title"]!["text"]!.ToString().Length <= 24);
        var fileBlock = view["blocks"]!.AsArray().Single(b => b!["block_id"]?.ToString() == "file");
        Assert.Equal("file_input", fileBlock!["element"]!["type"]!.ToString());

        var values = new JsonObject
        {
            ["url"] = new JsonObject { ["url"] = Payloads.TextValue(null) },
            ["file"] = new JsonObject { ["file"] = Payloads.FileValue("F123") },
            ["note"] = new JsonObject { ["note"] = Payloads.TextValue("screenshot of lesson 5") },
        };
        var submitted = await socket.SendEnvelopeAsync("interactive", Payloads.ViewSubmission(view, values), acceptsResponsePayload: true);
        var ack = await fake.AckFor(submitted);

        Assert.Equal("clear", ack.Ack["payload"]!["response_action"]!.ToString());
        var download = Assert.Single(fake.Downloads);
        Assert.Equal("Bearer " + FakeSlack.BotToken, download.Authorization);
        var saved = await bot.LatestSubmissionAsync("U1", 1);
        Assert.NotNull(saved?.File);
        Assert.Equal("image/png", saved.File.ContentType);
        Assert.Equal("screenshot of lesson 5", saved.Note);
        var answer = await fake.WaitForResponsePostAsync("modal");
        Assert.Contains("Week 1 proof received", answer.ToText());
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task SubmitWeekButton_OpensTheModal()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        var payload = Payloads.BlockAction(fake, "submit?week=1");
        await fake.AckFor(await socket.SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: false));

        var open = await fake.WaitForCallAsync("views.open");
        Assert.Equal(payload["trigger_id"]!.ToString(), open.Parameters["trigger_id"]!.ToString());
        Assert.Contains("\"week\":\"1\"", open.Parameters["view"]!["private_metadata"]!.ToString());
    }

    [Theory]
    [InlineData("not a link", null, "url", "doesn't look right")]
    [InlineData(null, "FBAD", "file", "not an image")]
    [InlineData(null, null, "url", "attach a screenshot or give a link")]
    public async Task ModalErrors_StayInTheModal_UnderTheirField(string? url, string? fileId, string block, string expected)
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        fake.Files["FBAD"] = "%PDF-1.7 not an image"u8.ToArray();

        await fake.AckFor(await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "submit 1"), acceptsResponsePayload: true));
        var view = (await fake.WaitForCallAsync("views.open")).Parameters["view"]!.AsObject();
        var values = new JsonObject
        {
            ["url"] = new JsonObject { ["url"] = Payloads.TextValue(url) },
            ["file"] = new JsonObject { ["file"] = fileId is null ? new JsonObject { ["type"] = "file_input", ["files"] = new JsonArray() } : Payloads.FileValue(fileId) },
            ["note"] = new JsonObject { ["note"] = Payloads.TextValue(null) },
        };

        var ack = await fake.AckFor(await socket.SendEnvelopeAsync("interactive", Payloads.ViewSubmission(view, values), acceptsResponsePayload: true));

        var payload = ack.Ack["payload"]!;
        Assert.Equal("errors", payload["response_action"]!.ToString());
        Assert.Contains(expected, payload["errors"]![block]!.ToString());
        Assert.Null(await bot.LatestSubmissionAsync("U1", 1));
    }

    [Fact]
    public async Task UnknownButton_IsAnsweredWithAnError()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();

        await fake.AckFor(await socket.SendEnvelopeAsync("interactive", Payloads.BlockAction(fake, "NOT A VALID ACTION", responseId: "bad"), acceptsResponsePayload: false));

        Assert.Contains("I don't know the command", (await fake.WaitForResponsePostAsync("bad")).ToText());
    }
}
