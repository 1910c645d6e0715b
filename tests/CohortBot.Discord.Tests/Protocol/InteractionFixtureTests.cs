using CohortBot.Core.Commands;
using CohortBot.Core.Submissions;
using CohortBot.Discord.Interactions;
using CohortBot.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Tests.Protocol;

/// <summary>Every interaction fixture read into the wire records and mapped to the core's invocation.</summary>
public sealed class InteractionFixtureTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly InvocationMapper _mapper;

    public InteractionFixtureTests()
    {
        // Attachments may come only from a host nothing listens on, so the real downloader refuses
        // Discord's CDN URL in the fixture without touching the network.
        _services = new ServiceCollection()
            .AddHttpClient()
            .AddSingleton(Options.Create(new ProofOptions()))
            .AddSingleton(Options.Create(new DiscordOptions { Attachments = { AllowedHosts = ["http://127.0.0.1:9"] } }))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<AttachmentDownloader>()
            .AddSingleton<InvocationMapper>()
            .BuildServiceProvider();
        _mapper = _services.GetRequiredService<InvocationMapper>();
    }

    public void Dispose() => _services.Dispose();

    private static DiscordInteraction Read(string name)
    {
        Assert.True(DiscordJson.TryParse(Fixture.Bytes("Interactions/" + name), DiscordJson.Context.Interaction, out var wire), name);
        return DiscordInteraction.From(wire) ?? throw new InvalidOperationException(name + " has no invoker");
    }

    [Fact]
    public async Task SlashCommand_WithAnAttachment_MapsTypedOptions_AndTheResolvedFile()
    {
        var interaction = Read("command_with_attachment.json");

        var invocation = (await _mapper.MapAsync(interaction, CancellationToken.None))!;

        Assert.Equal("submit", invocation.Command);
        Assert.Equal(3L, invocation.Options["week"]);
        Assert.Equal("주의 집중 실습 완료 🎉", invocation.Options["note"]);
        var file = Assert.IsType<InvocationAttachment>(invocation.Options["file"]);
        Assert.Equal(("week3.png", 48213L), (file.FileName, file.DeclaredSize));
        Assert.Equal(("100000000000000001", "김민준", "en-US"), (invocation.User.UserId, invocation.User.DisplayName, invocation.User.Locale));
        Assert.Equal(["200000000000000001", "200000000000000002"], invocation.User.Roles!);
    }

    [Fact]
    public void Autocomplete_HasTheFocusedOption_AsTyped()
    {
        var interaction = Read("autocomplete.json");

        var focused = Assert.Single(InvocationMapper.Options(interaction.Data), o => o.Focused == true);

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        Assert.Equal(("week", ApplicationCommandOptionType.Integer, "1"), (focused.Name, focused.Type, focused.Text));
        Assert.Equal("minjun", interaction.User.DisplayName);
    }

    [Fact]
    public async Task Button_RunsItsEncodedCommand()
    {
        var invocation = (await _mapper.MapAsync(Read("button.json"), CancellationToken.None))!;

        Assert.Equal("rsvp", invocation.Command);
        Assert.Equal("oh-dable", invocation.Options["event"]);
        Assert.Equal("ko", invocation.User.Locale);
    }

    [Theory]
    [InlineData("modal_submit_rows.json", "https://coursera.org/verify/XYZ")]
    [InlineData("modal_submit_labels.json", "https://coursera.org/verify/LBL")]
    public async Task ModalSubmit_ReadsInputsFromRowsOrLabels_AndFixedOptionsWin(string name, string url)
    {
        var invocation = (await _mapper.MapAsync(Read(name), CancellationToken.None))!;

        Assert.Equal("submit", invocation.Command);
        Assert.Equal(url, invocation.Options["url"]);
        Assert.Equal("2", invocation.Options["week"]);
        Assert.False(invocation.Options.ContainsKey("note"));
    }

    [Fact]
    public async Task DmCommand_TakesTheUser_NotAMember()
    {
        var interaction = Read("dm_command.json");

        var invocation = (await _mapper.MapAsync(interaction, CancellationToken.None))!;

        Assert.Equal(("progress", "100000000000000002", "seoyeon"), (invocation.Command, invocation.User.UserId, invocation.User.DisplayName));
        Assert.Null(invocation.User.Roles);
        Assert.Equal("1120000000000000009", invocation.ChannelId);
    }

    [Fact]
    public void Ping_IsRead_WithoutAnInvoker()
    {
        var ping = Read("ping.json");

        Assert.Equal(InteractionType.Ping, ping.Type);
    }

    [Theory]
    [InlineData("""{"id":"1","token":"t","type":"two"}""")]
    [InlineData("""{"id":"1","token":"t","type":2,"data":"none","user":{"id":"5"}}""")]
    [InlineData("""{"id":"1","token":"t","type":2,"data":{"name":"help"}}""")]
    public void AnInteractionThatCannotBeRead_IsRefused(string text)
    {
        var wire = DiscordJson.TryParse(System.Text.Encoding.UTF8.GetBytes(text), DiscordJson.Context.Interaction, out var parsed) ? parsed : null;

        Assert.Null(DiscordInteraction.From(wire));
    }
}
