using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Platform;
using CohortBot.Discord.Commands;
using CohortBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Discord.Tests.Commands;

public sealed partial class CommandRegistrationTests
{
    private static Func<RecordedRequest, bool> GuildPut => r => r.Method == "PUT" && r.ApiPath == $"/applications/{FakeDiscord.ApplicationId}/guilds/{FakeDiscord.GuildId}/commands";

    [Fact]
    public async Task Startup_BulkOverwritesGuildCommands_FromTheCatalogue()
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        await using var bot = await DiscordBot.StartAsync(fake);

        var put = await fake.WaitForAsync(GuildPut);

        var commands = put.Json!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(Catalogue.All.Select(c => c.Name), commands.Select(c => (string)c["name"]!));
        Assert.All(commands, c =>
        {
            Assert.Matches(CommandName(), (string)c["name"]!);
            Assert.InRange(((string)c["description"]!).Length, 1, 100);
            Assert.Equal(1, (int)c["type"]!);
            var organizerOnly = Catalogue.Find((string)c["name"]!)!.OrganizerOnly;
            Assert.Equal(organizerOnly ? "0" : null, c["default_member_permissions"]?.ToString());
            Assert.False(string.IsNullOrWhiteSpace((string?)c["description_localizations"]?["ko"]));
        });
        var submit = commands.Single(c => (string)c["name"]! == "submit");
        Assert.Equal("Submit your weekly proof (a screenshot or a link)", (string)submit["description"]!);
        Assert.Equal("주간 인증을 제출해요 (스크린샷 또는 링크)", (string)submit["description_localizations"]!["ko"]!);
        var options = submit["options"]!.AsArray();
        Assert.Equal(["week", "url", "file", "note"], options.Select(o => (string)o!["name"]!));
        Assert.Equal([4, 3, 11, 3], options.Select(o => (int)o!["type"]!));
        Assert.True((bool)options[0]!["required"]!);
        Assert.True((bool)options[0]!["autocomplete"]!);
        Assert.Equal(1, (long)options[0]!["min_value"]!);
        var rsvp = commands.Single(c => (string)c["name"]! == "rsvp")["options"]!.AsArray();
        Assert.Equal([3, 5], rsvp.Select(o => (int)o!["type"]!));
        Assert.True((bool)rsvp[0]!["autocomplete"]!);
        var cert = commands.Single(c => (string)c["name"]! == "cert")["options"]!.AsArray();
        Assert.True((bool)cert[0]!["autocomplete"]!);
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public async Task UnchangedCatalogue_IsNotRegisteredAgain_ButAChangedHashIs()
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        await using var bot = await DiscordBot.StartAsync(fake);
        await fake.WaitForAsync(GuildPut);
        var state = bot.Services.GetRequiredService<IPlatformStateStore>();
        var key = $"commands-hash:guild:{FakeDiscord.GuildId}";
        // The hash is stored once Discord has answered the PUT; the registrar says so after.
        await bot.Logs.WaitForAsync(e => e.Message.StartsWith("Registered ", StringComparison.Ordinal), "the registration");
        Assert.NotNull(await state.GetAsync("discord", key, CancellationToken.None));

        var registrar = bot.Services.GetRequiredService<CommandRegistrar>();

        Assert.False(await registrar.RegisterAsync(CancellationToken.None));
        Assert.Equal(1, fake.Requests.Count(GuildPut));

        await state.SetAsync("discord", key, "an-older-catalogue", CancellationToken.None);
        Assert.True(await registrar.RegisterAsync(CancellationToken.None));
        Assert.Equal(2, fake.Requests.Count(GuildPut));
    }

    [Fact]
    public async Task WithoutGuild_RegistersGlobally()
    {
        await using var fake = await FakeDiscord.StartAsync(new TestClock());
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?> { ["Discord:GuildId"] = "" });

        var put = await fake.WaitForAsync(r => r.Method == "PUT" && r.ApiPath == $"/applications/{FakeDiscord.ApplicationId}/commands");

        Assert.Equal([0, 1], put.Json![0]!["contexts"]!.AsArray().Select(c => (int)c!));
        WireAssert.BodiesMatchOpenApi(fake);
    }

    [Fact]
    public void OrganizerCommands_AreHiddenWithAStringBitset_AndRequiredOptionsComeFirst()
    {
        var builder = new CommandPayloadBuilder(new MessageCatalogue());
        var organizerOnly = Catalogue.Submit with
        {
            OrganizerOnly = true,
            Options = [.. Catalogue.Submit.Options.Reverse()],
        };

        var body = builder.Build([organizerOnly], global: false)[0];

        Assert.Equal("0", body.DefaultMemberPermissions);
        Assert.Equal("week", body.Options![0].Name);
    }

    [Fact]
    public void Catalogue_FitsDiscordsLimits()
    {
        Assert.InRange(Catalogue.All.Count, 1, 100);
        Assert.All(Catalogue.All, c =>
        {
            Assert.InRange(c.Options.Count, 0, 25);
            Assert.All(c.Options, o => Assert.Matches(CommandName(), o.Name));
            Assert.All(c.Options, o => Assert.InRange(o.MaxLength, 1, 6000));
        });
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex CommandName();
}
