using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Exports;
using CohortBot.Core.Messages;
using CohortBot.Core.Notifications;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.Tests.Commands;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Slack.WebApi;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Slack.Tests.WebApi;

/// <summary>Reply files through Slack's external upload flow, against the fake's three steps.</summary>
public sealed class FileUploadTests
{
    // A BOM, CRLF line ends, a quoted comma and Hangul: any re-encoding on the way would show.
    private static readonly byte[] Csv = [0xEF, 0xBB, 0xBF, .. "name,week_1\r\n\"Lovelace, Ada\",approved\r\n이순신,missing\r\n"u8.ToArray()];

    [Fact]
    public async Task ExportReply_AcksWithADmNote_AndTheExactCsvIsUploadedToTheOrganizersDm()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake, s => s["Organizers:slack:Users:0"] = "U9");
        var socket = await fake.NextSocketAsync();
        await SlashCommandTests.SlashAsync(fake, socket, "submit 1 https://example.com/proof");

        var ack = await SlashCommandTests.SlashAsync(fake, socket, "export kind:submissions", user: "U9");

        var payload = ack["payload"]!.AsObject();
        Assert.Equal("ephemeral", payload["response_type"]!.ToString());
        Assert.Contains("so I sent submissions-test-cohort.csv to our direct messages", payload.ToText());
        var shared = await fake.EventuallyAsync(() => fake.Shared.FirstOrDefault(), "a shared file");
        Assert.Equal("DU9", shared.ChannelId);
        Assert.Equal("submissions-test-cohort.csv", shared.Title);
        Assert.Equal("submissions-test-cohort.csv", shared.FileName);
        Assert.Equal(await ExpectedExportAsync(bot, "submissions"), shared.Bytes);
        Assert.Contains("https://example.com/proof", Encoding.UTF8.GetString(shared.Bytes));
        Assert.StartsWith("Here is the submissions export", shared.InitialComment);
        Assert.DoesNotContain("direct messages", shared.InitialComment);

        var ticket = Assert.Single(fake.CallsTo("files.getUploadURLExternal"));
        Assert.StartsWith("application/x-www-form-urlencoded", ticket.ContentType);
        Assert.Equal("submissions-test-cohort.csv", ticket.Parameters["filename"]!.ToString());
        Assert.Equal(shared.Bytes.Length.ToString(CultureInfo.InvariantCulture), ticket.Parameters["length"]!.ToString());
        var complete = Assert.Single(fake.CallsTo("files.completeUploadExternal"));
        Assert.Equal("DU9", complete.Parameters["channel_id"]!.ToString());
        var files = Assert.IsType<JsonArray>(JsonNode.Parse(complete.Parameters["files"]!.ToString()));
        Assert.Equal(shared.Id, files.Single()!["id"]!.ToString());
        Assert.Equal("submissions-test-cohort.csv", files.Single()!["title"]!.ToString());
        Assert.Equal("Bearer " + FakeSlack.BotToken, fake.Uploaded[shared.Id].Authorization);
        Assert.Equal("text/csv", fake.Uploaded[shared.Id].ContentType);
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task ChannelPost_WithAFile_PostsTheMessage_ThenSharesTheFileInThatChannel()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var platform = bot.Services.GetServices<IChatPlatform>().Single(p => p.Platform == "slack");
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"u8.ToArray();

        await platform.SendToChannelAsync("C5", new Reply("The cohort calendar") { Files = [new ReplyFile("test-cohort.ics", "text/calendar", ics)] }, CancellationToken.None);

        var post = Assert.Single(fake.CallsTo("chat.postMessage"));
        Assert.Equal("C5", post.Parameters["channel"]!.ToString());
        Assert.DoesNotContain("test-cohort.ics", post.Parameters.ToText());
        var shared = Assert.Single(fake.Shared);
        Assert.Equal("C5", shared.ChannelId);
        Assert.Equal("test-cohort.ics", shared.Title);
        Assert.Equal(ics, shared.Bytes);
        Assert.Null(shared.InitialComment);
        Assert.True(fake.CallsTo("files.completeUploadExternal").Single().At >= post.At, "the file was shared before the message it belongs to");
        Assert.Empty(fake.CallsTo("conversations.open"));
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task RateLimitedUploadAndCompletion_AreWaitedOut_WithoutLosingTheFile()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var platform = bot.Services.GetServices<IChatPlatform>().Single(p => p.Platform == "slack");
        fake.RateLimitUploads(1);
        fake.RateLimited["files.completeUploadExternal"] = 1;

        var sent = platform.SendDirectAsync("U7", Reply.Success("Your completion report") with { Files = [new ReplyFile("completion.csv", "text/csv", Csv)] }, CancellationToken.None);
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1), "the upload's wait for Retry-After: 1");
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1), "the completion's wait for Retry-After: 1");
        await sent;

        Assert.Equal(2, fake.UploadAttempts);
        var completes = fake.CallsTo("files.completeUploadExternal");
        Assert.Equal(2, completes.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), completes[1].At - completes[0].At);
        Assert.Equal(completes[0].Parameters["files"]!.ToString(), completes[1].Parameters["files"]!.ToString());
        Assert.Single(fake.CallsTo("files.getUploadURLExternal"));
        var shared = Assert.Single(fake.Shared);
        Assert.Equal("DU7", shared.ChannelId);
        Assert.Equal("completion.csv", shared.Title);
        Assert.Equal(Csv, shared.Bytes);
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task DeliveryWithoutResponseUrl_SaysWhereFilesWent_AndLeavesOutTooLargeOnes()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake, s => s["Slack:MaxUploadBytes"] = "1048576");
        var delivery = bot.Services.GetRequiredService<ReplyDelivery>();
        var reply = new Reply("Proofs to review") { Files = [new ReplyFile("small.csv", "text/csv", Csv), new ReplyFile("huge.png", "image/png", new byte[(1024 * 1024) + 1])] };

        await delivery.DeliverAsync(reply, "U3", "C1", null, CancellationToken.None);

        var ephemeral = Assert.Single(fake.CallsTo("chat.postEphemeral")).Parameters.ToText();
        Assert.Contains("so I sent small.csv to our direct messages", ephemeral);
        Assert.Contains("Too large to send on Slack (over 1 MB): huge.png", ephemeral);
        var shared = Assert.Single(fake.Shared);
        Assert.Equal(("DU3", "small.csv"), (shared.ChannelId, shared.Title));
        Assert.Equal(Csv, shared.Bytes);
        Assert.Equal("small.csv", Assert.Single(fake.CallsTo("files.getUploadURLExternal")).Parameters["filename"]!.ToString());
        SpecAssert.AllCalls(fake.Calls);
    }

    [Fact]
    public async Task FailedUpload_IsToldToTheUserInTheirDm()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        fake.Failures["files.getUploadURLExternal"] = "file_uploads_disabled";
        var delivery = bot.Services.GetRequiredService<ReplyDelivery>();

        await delivery.SendFilesAsync(new Reply("export") { Files = [new ReplyFile("rsvps.csv", "text/csv", Csv)] }, "U4", CancellationToken.None);

        Assert.Empty(fake.Shared);
        var notice = Assert.Single(fake.CallsTo("chat.postMessage"));
        Assert.Equal("DU4", notice.Parameters["channel"]!.ToString());
        Assert.Contains("I couldn't send rsvps.csv", notice.Parameters["text"]!.ToString());
    }

    [Fact]
    public async Task UploadUrl_OffSlack_IsRefused_AndTheTicketNeverPrintsItsUrl()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        await using var bot = await SlackBot.StartAsync(fake);
        var api = bot.Services.GetRequiredService<SlackWebApi>();
        var ticket = new SlackUploadTicket(new Uri("https://evil.example/upload/secret-path"), "F1");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => api.UploadAsync(ticket, Csv, "text/csv", CancellationToken.None));

        Assert.Equal("untrusted_host", ex.Error);
        Assert.DoesNotContain("secret-path", ex.Message);
        Assert.DoesNotContain("secret-path", ticket.ToString());
        Assert.Equal(0, fake.UploadAttempts);
    }

    private static async Task<byte[]> ExpectedExportAsync(SlackBot bot, string kind)
    {
        using var scope = bot.Services.CreateScope();
        var cohort = await scope.ServiceProvider.GetRequiredService<ICohortStore>().FindAsync("test-cohort", CancellationToken.None);
        var texts = scope.ServiceProvider.GetRequiredService<MessageCatalogue>().For("en");
        var file = await scope.ServiceProvider.GetRequiredService<CohortExporter>().ExportAsync(cohort!, kind, bot.Clock.GetUtcNow(), texts, CancellationToken.None);
        return file!.Content;
    }
}
