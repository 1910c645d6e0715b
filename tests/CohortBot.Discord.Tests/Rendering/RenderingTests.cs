using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Core.Time;
using CohortBot.Discord.Rendering;
using CohortBot.Discord.Tests.Fakes;

namespace CohortBot.Discord.Tests.Rendering;

public sealed class RenderingTests
{
    [Fact]
    public void Truncate_NeverSplitsASurrogatePair()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 200));

        for (var max = 2; max < 60; max++)
        {
            var cut = DiscordText.Truncate(emoji, max);
            Assert.True(cut.Length <= max);
            Assert.EndsWith("…", cut);
            for (var i = 0; i < cut.Length; i++)
            {
                Assert.False(char.IsHighSurrogate(cut[i]) && (i + 1 >= cut.Length || !char.IsLowSurrogate(cut[i + 1])), $"lone surrogate at {i} for max {max}");
            }
        }

        Assert.Equal("short", DiscordText.Truncate("short", 10));
    }

    [Fact]
    public void TimeTokens_BecomeDiscordTimestamps()
    {
        var instant = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var text = $"Due {TimeMarkup.Token(instant)} ({TimeMarkup.Token(instant, TimeStyle.Relative)})";

        Assert.Equal("Due <t:1800000000:F> (<t:1800000000:R>)", DiscordText.RenderTimes(text));
    }

    [Fact]
    public void OversizedReply_IsCutToDiscordsLimits_AndStillMatchesTheSchema()
    {
        var reply = new Reply(new string('d', 5000))
        {
            Title = new string('t', 300),
            Tone = ReplyTone.Error,
            Ephemeral = false,
            Fields = Enumerable.Range(0, 30).Select(i => new ReplyField(i == 0 ? "" : new string('n', 300), new string('v', 2000), i % 2 == 0)).ToList(),
            Buttons = Enumerable.Range(0, 30).Select(i => new ReplyButton(new string('b', 100), "rsvp?event=e" + i)).Append(new ReplyButton("too long", new string('x', 101))).ToList(),
        };

        var message = WireAssert.Node(MessageRenderer.Render(reply, allowEphemeral: true));

        var embed = message["embeds"]![0]!.AsObject();
        var fields = embed["fields"]!.AsArray();
        Assert.Equal(256, ((string)embed["title"]!).Length);
        Assert.True(((string)embed["description"]!).Length <= 4096);
        Assert.InRange(fields.Count, 1, 25);
        Assert.Equal(DiscordText.Blank, (string)fields[0]!["name"]!);
        Assert.All(fields, f => Assert.True(((string)f!["value"]!).Length <= 1024 && ((string)f["name"]!).Length <= 256));
        var total = ((string)embed["title"]!).Length + ((string)embed["description"]!).Length + fields.Sum(f => ((string)f!["name"]!).Length + ((string)f["value"]!).Length);
        Assert.True(total <= 6000, $"embed total {total}");
        var rows = message["components"]!.AsArray();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(5, r!["components"]!.AsArray().Count));
        Assert.All(rows.SelectMany(r => r!["components"]!.AsArray()), b => Assert.True(((string)b!["label"]!).Length <= 80));
        Assert.Null(message["flags"]);
        Assert.Equal(0xED4245, (int)embed["color"]!);
        Assert.Empty(OpenApiValidator.Validate(new RecordedRequest("POST", FakeDiscord.ApiPrefix + "/channels/1/messages", message.ToJsonString(), null, null, "application/json", TimeSpan.Zero)));
    }

    [Fact]
    public void EphemeralReply_SetsFlag64_OnlyWhereAllowed()
    {
        var reply = Reply.Success("mine");

        Assert.Equal(64, (int)WireAssert.Node(MessageRenderer.Render(reply, allowEphemeral: true))["flags"]!);
        Assert.Null(WireAssert.Node(MessageRenderer.Render(reply, allowEphemeral: false))["flags"]);
        Assert.Null(WireAssert.Node(MessageRenderer.Render(reply with { Ephemeral = false }, allowEphemeral: true))["flags"]);
    }

    [Fact]
    public void Form_BecomesModal_WithoutFileFields()
    {
        var form = new ReplyForm("Proof for week 12 of a very long cohort name indeed", "submit", new Dictionary<string, string> { ["week"] = "12" },
        [
            new FormField("url", "Link", Required: false, MaxLength: 2048),
            new FormField("file", "Screenshot", Required: false, IsFile: true),
            new FormField("note", "Note for the reviewers, which is a long label", Required: true, Multiline: true, MaxLength: 9000),
        ]);

        var modal = WireAssert.Node(ModalRenderer.Render(form)!);

        Assert.Equal("submit?week=12", (string)modal["custom_id"]!);
        Assert.True(((string)modal["title"]!).Length <= 45);
        var inputs = modal["components"]!.AsArray().Select(r => r!["components"]![0]!.AsObject()).ToList();
        Assert.Equal(["url", "note"], inputs.Select(i => (string)i["custom_id"]!));
        Assert.Equal([1, 2], inputs.Select(i => (int)i["style"]!));
        Assert.Equal(4000, (int)inputs[1]["max_length"]!);
        Assert.True(((string)inputs[1]["label"]!).Length <= 45);
        var callback = new JsonObject { ["type"] = 9, ["data"] = modal };
        Assert.Empty(OpenApiValidator.Validate(new RecordedRequest("POST", FakeDiscord.ApiPrefix + "/interactions/1/t/callback", callback.ToJsonString(), null, null, "application/json", TimeSpan.Zero)));
    }

    [Fact]
    public void FileOnlyForm_IsNotAModal()
    {
        var form = new ReplyForm("Upload", "cert", new Dictionary<string, string>(), [new FormField("file", "Image", Required: true, IsFile: true)]);

        Assert.Null(ModalRenderer.Render(form));
    }
}
