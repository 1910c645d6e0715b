using System.Text.Json.Nodes;
using CohortBot.Discord.Gateway;
using CohortBot.Discord.Tests.Fakes;

namespace CohortBot.Discord.Tests.Interactions;

/// <summary>A participant's week through the gateway, against the real core and SQLite.</summary>
public sealed class ParticipantWeekTests
{
    private static async Task<(FakeDiscord Fake, DiscordBot Bot)> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var fake = await FakeDiscord.StartAsync(new TestClock());
        var bot = await DiscordBot.StartAsync(fake, settings);
        await bot.WaitForStateAsync(GatewayConnectionState.Ready);
        return (fake, bot);
    }

    private static async Task<RecordedRequest> SendAsync(FakeDiscord fake, JsonObject interaction)
    {
        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        return await Sent.CallbackAsync(fake, interaction);
    }

    [Fact]
    public async Task Help_AnswersEphemeralEmbed_WithMentionsOff()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var callback = await SendAsync(fake, Payloads.Command("help"));

        var body = callback.Json!;
        Assert.Equal(4, (int)body["type"]!);
        Assert.Equal(64, (int)body["data"]!["flags"]!);
        Assert.Empty(body["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Contains("Test Cohort", Sent.Description(body["data"]!));
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task Submit_WithAnOptionTwice_IsRefused_NamingIt_AndStoresNothing()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var callback = await SendAsync(fake, Payloads.Command("submit",
            Payloads.Option("week", 4, 1), Payloads.Option("week", 4, 2), Payloads.Option("url", 3, "https://example.com/p")));

        Assert.Contains("'week' is given twice", Sent.Text(callback.Json!["data"]!));
        Assert.Empty(await bot.SubmissionsOfAsync(Payloads.UserId));
    }

    [Fact]
    public async Task SubmitWithImageAttachment_DownloadsAndStoresProof()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        var png = Payloads.Png();
        fake.CdnFiles["proof.png"] = png;

        var callback = await SendAsync(fake, Payloads.CommandWithResolved("submit",
            Payloads.Attachments("1", "proof.png", fake.CdnUrl("proof.png"), png.Length),
            Payloads.Option("week", 4, 1), Payloads.Option("file", 11, "1"), Payloads.Option("note", 3, "done <@&1> @everyone")));

        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.Equal(0x57F287, (int)Sent.Embed(callback.Json!["data"]!)["color"]!);
        Assert.Matches(@"<t:\d+:F>", Sent.Text(callback.Json!["data"]!));
        var submission = Assert.Single(await bot.SubmissionsOfAsync(Payloads.UserId));
        Assert.Equal(1, submission.WeekNumber);
        Assert.Equal("image/png", submission.File!.ContentType);
        Assert.Equal(png.Length, submission.File.SizeBytes);
        Assert.False(submission.IsLate);
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task SubmitWithUrlForOverdueWeek_IsMarkedLate()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var callback = await SendAsync(fake, Payloads.Command("submit", Payloads.Option("week", 4, 2), Payloads.Option("url", 3, "https://example.com/proof")));

        Assert.True(0xFEE75C == (int)Sent.Embed(callback.Json!["data"]!)["color"]!, Sent.Description(callback.Json!["data"]!));
        var submission = Assert.Single(await bot.SubmissionsOfAsync(Payloads.UserId));
        Assert.True(submission.IsLate);
        Assert.Equal("https://example.com/proof", submission.Url);
    }

    [Fact]
    public async Task DeadlinesButton_OpensProofModal_AndModalSubmitStoresIt()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var deadlines = await SendAsync(fake, Payloads.Command("deadlines"));
        var message = deadlines.Json!["data"]!;
        Assert.Contains("Week 1", Sent.Text(Sent.Embed(message)["fields"]!));
        Assert.Matches(@"<t:\d+:R>", Sent.Text(message));
        var button = Assert.Single(Sent.CustomIds(message));

        var modal = await SendAsync(fake, Payloads.Button(button));
        Assert.Equal(9, (int)modal.Json!["type"]!);
        var data = modal.Json!["data"]!;
        var inputs = data["components"]!.AsArray().Select(r => (string)r!["components"]![0]!["custom_id"]!).ToList();
        Assert.Equal(["url", "note"], inputs);
        Assert.True(((string)data["title"]!).Length <= 45);

        var submitted = await SendAsync(fake, Payloads.ModalSubmit((string)data["custom_id"]!, ("url", "https://example.com/w"), ("note", "")));
        Assert.Equal(4, (int)submitted.Json!["type"]!);
        var stored = await bot.SubmissionsOfAsync(Payloads.UserId);
        Assert.Contains(stored, s => s.Url == "https://example.com/w");
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task EventsRsvpButton_ReservesSeat_AndCancelButtonReleasesIt()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var events = await SendAsync(fake, Payloads.Command("events"));
        Assert.Contains("rsvp?event=oh1", Sent.CustomIds(events.Json!["data"]!));

        var going = await SendAsync(fake, Payloads.Button("rsvp?event=oh1"));
        Assert.Contains("going", Sent.Description(going.Json!["data"]!), StringComparison.OrdinalIgnoreCase);
        var cancel = Assert.Single(Sent.CustomIds(going.Json!["data"]!));
        Assert.Equal("rsvp?event=oh1&cancel=true", cancel);

        var cancelled = await SendAsync(fake, Payloads.Button(cancel));
        Assert.Contains("cancelled", Sent.Description(cancelled.Json!["data"]!));
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task Progress_ShowsTheParticipantsRecord()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        await SendAsync(fake, Payloads.Command("submit", Payloads.Option("week", 4, 1), Payloads.Option("url", 3, "https://example.com/p")));

        var progress = await SendAsync(fake, Payloads.Command("progress"));

        var embed = Sent.Embed(progress.Json!["data"]!);
        Assert.Contains("Ada Lovelace's progress in Test Cohort", Sent.Description(progress.Json!["data"]!));
        Assert.Contains("Week 1", Sent.Text(embed));
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task Autocomplete_SuggestsOpenWeeks_EventsAndCertificates()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var weeks = await SendAsync(fake, Payloads.Autocomplete("submit", Payloads.Option("week", 4, "", focused: true)));
        var events = await SendAsync(fake, Payloads.Autocomplete("rsvp", Payloads.Option("event", 3, "oh", focused: true)));
        var certs = await SendAsync(fake, Payloads.Autocomplete("cert", Payloads.Option("type", 3, "", focused: true)));

        Assert.Equal(8, (int)weeks.Json!["type"]!);
        Assert.Equal([1L, 2L], weeks.Json!["data"]!["choices"]!.AsArray().Select(c => (long)c!["value"]!).Order());
        Assert.Equal(["oh1"], events.Json!["data"]!["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Equal(["aws-saa"], certs.Json!["data"]!["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task SlowAttachmentDownload_IsDeferredEphemerallyAtDeferAfter_ThenTheOriginalIsEdited()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.CdnHold = new Gate();
        fake.CdnFiles["slow.png"] = Payloads.Png();
        var interaction = Payloads.CommandWithResolved("submit",
            Payloads.Attachments("9", "slow.png", fake.CdnUrl("slow.png"), 67),
            Payloads.Option("week", 4, 1), Payloads.Option("file", 11, "9"));

        var sentAt = bot.Clock.GetUtcNow();
        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        await fake.CdnHold.HeldAsync();
        Assert.DoesNotContain(fake.Requests, r => r.ApiPath.StartsWith($"/interactions/{(string)interaction["id"]!}/", StringComparison.Ordinal));
        // Discord allows 3 s: the runtime defers at Discord:DeferAfter (1.5 s) when the answer is not ready.
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1.5), "the deferral deadline");
        var callback = await Sent.CallbackAsync(fake, interaction);
        fake.CdnHold.Open();
        var edit = await Sent.EditAsync(fake, interaction);

        Assert.Equal(5, (int)callback.Json!["type"]!);
        Assert.Equal(64, (int)callback.Json!["data"]!["flags"]!);
        Assert.Equal(sentAt + TimeSpan.FromSeconds(1.5), bot.Clock.GetUtcNow());
        Assert.True(fake.Requests.ToList().IndexOf(edit) > fake.Requests.ToList().IndexOf(callback));
        Assert.Equal($"/webhooks/{FakeDiscord.ApplicationId}/{(string)interaction["token"]!}/messages/@original", edit.ApiPath);
        Assert.Contains("received", Sent.Description(edit.Json!));
        Assert.NotNull(Assert.Single(await bot.SubmissionsOfAsync(Payloads.UserId)).File);
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task AnAnswerReadyInTime_IsTheCallbackItself_AndNothingIsDeferred()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        var interaction = Payloads.Command("deadlines");

        var callback = await SendAsync(fake, interaction);

        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.DoesNotContain(fake.Requests, r => r.Method == "PATCH");
        Assert.Single(fake.Requests, r => r.ApiPath.EndsWith("/callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OversizedAttachment_IsRefusedWithoutDownloading()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var callback = await SendAsync(fake, Payloads.CommandWithResolved("submit",
            Payloads.Attachments("1", "huge.png", fake.CdnUrl("huge.png"), 50L * 1024 * 1024),
            Payloads.Option("week", 4, 1), Payloads.Option("file", 11, "1")));

        Assert.Contains("too large", Sent.Description(callback.Json!["data"]!));
        Assert.Empty(await bot.SubmissionsOfAsync(Payloads.UserId));
    }

    [Fact]
    public async Task NotAnImage_IsRefusedByTheCore()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.CdnFiles["notes.txt"] = "hello, not an image"u8.ToArray();

        var callback = await SendAsync(fake, Payloads.CommandWithResolved("submit",
            Payloads.Attachments("1", "notes.txt", fake.CdnUrl("notes.txt"), 19, "text/plain"),
            Payloads.Option("week", 4, 1), Payloads.Option("file", 11, "1")));

        Assert.Contains("not an image", Sent.Description(callback.Json!["data"]!));
        Assert.Empty(await bot.SubmissionsOfAsync(Payloads.UserId));
    }

    [Theory]
    [InlineData("frobnicate", "don't know the command")]
    [InlineData("submit", "needs 'week'")]
    [InlineData("rsvp", "needs 'event'")]
    public async Task BadCommands_GetErrorRepliesInTime(string command, string expected)
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var callback = await SendAsync(fake, Payloads.Command(command));

        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.Contains(expected, Sent.Description(callback.Json!["data"]!));
        Assert.Equal(0xED4245, (int)Sent.Embed(callback.Json!["data"]!)["color"]!);
    }

    [Fact]
    public async Task GarbageButtonId_GetsAnErrorReply()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var callback = await SendAsync(fake, Payloads.Button("NOT A VALID ACTION!"));

        Assert.Equal(0xED4245, (int)Sent.Embed(callback.Json!["data"]!)["color"]!);
    }

    [Fact]
    public async Task ReplayedInteraction_IsAnsweredOnce()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        var interaction = Payloads.Command("help");

        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        await Sent.CallbackAsync(fake, interaction);
        await SendAsync(fake, Payloads.Command("help"));

        Assert.Single(fake.Requests, r => r.ApiPath.StartsWith($"/interactions/{(string)interaction["id"]!}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForcedDisconnectMidWeek_ResumesAndAnswersTheMissedInteraction()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        fake.CdnFiles["proof.png"] = Payloads.Png();
        await SendAsync(fake, Payloads.CommandWithResolved("submit",
            Payloads.Attachments("1", "proof.png", fake.CdnUrl("proof.png"), 67),
            Payloads.Option("week", 4, 1), Payloads.Option("file", 11, "1")));

        fake.Gateway.Abort();
        var missed = Payloads.Button("rsvp?event=oh1");
        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", missed);
        await bot.SkipReconnectWaitAsync();
        var rsvp = await Sent.CallbackAsync(fake, missed);
        var deadlines = await SendAsync(fake, Payloads.Command("deadlines"));

        Assert.Equal(1, bot.Status.ResumedCount);
        Assert.Single(fake.Gateway.Identifies);
        Assert.Contains("going", Sent.Description(rsvp.Json!["data"]!), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("submitted", Sent.Text(Sent.Embed(deadlines.Json!["data"]!)["fields"]!));
        Assert.Single(await bot.SubmissionsOfAsync(Payloads.UserId));
        Assert.NotEmpty(bot.Logs.Lines);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("test-token", StringComparison.Ordinal) || l.Contains((string)missed["token"]!, StringComparison.Ordinal));
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task EmptyModalSubmit_AnswersWithAMessage_NotAnotherModal()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var callback = await SendAsync(fake, Payloads.ModalSubmit("submit?week=1", ("url", ""), ("note", "")));

        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.Contains("attach a screenshot or give a link", Sent.Description(callback.Json!["data"]!));
        Assert.Empty(await bot.SubmissionsOfAsync(Payloads.UserId));
    }

    [Fact]
    public async Task DirectMessageInteraction_UsesTheTopLevelUser()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        var interaction = Payloads.Command("submit", Payloads.Option("week", 4, 1), Payloads.Option("url", 3, "https://example.com/dm"));
        interaction.Remove("member");
        interaction.Remove("guild_id");
        interaction["context"] = 1;
        interaction["user"] = new JsonObject { ["id"] = "100000000000000099", ["username"] = "grace", ["global_name"] = null };

        var callback = await SendAsync(fake, interaction);

        Assert.Equal(0x57F287, (int)Sent.Embed(callback.Json!["data"]!)["color"]!);
        Assert.Single(await bot.SubmissionsOfAsync("100000000000000099"));
    }

    [Fact]
    public async Task UnknownAutocomplete_GetsNoChoices()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;

        var callback = await SendAsync(fake, Payloads.Autocomplete("frobnicate", Payloads.Option("x", 3, "a", focused: true)));

        Assert.Equal(8, (int)callback.Json!["type"]!);
        Assert.Empty(callback.Json!["data"]!["choices"]!.AsArray());
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task InteractionWithoutToken_IsIgnored_AndTheNextOneIsAnswered()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        await using var __ = bot;
        var broken = Payloads.Command("help");
        broken.Remove("token");

        await fake.Gateway.DispatchAsync("INTERACTION_CREATE", broken);
        await SendAsync(fake, Payloads.Command("help"));

        Assert.DoesNotContain(fake.Requests, r => r.ApiPath.Contains((string)broken["id"]!, StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("malformed interaction", StringComparison.Ordinal));
    }
}
