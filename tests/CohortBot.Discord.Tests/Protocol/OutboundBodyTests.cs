using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Discord.Commands;
using CohortBot.Discord.Rendering;
using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Tests.Protocol;

/// <summary>Each kind of body the adapter sends, as its wire record writes it, against the OpenAPI request schema of its operation.</summary>
public sealed class OutboundBodyTests
{
    private static readonly DiscordJsonContext Json = DiscordJson.Context;

    private static readonly Reply Busy = new("Week 2 proof received ✅ — 한국어 텍스트 <t:1790000000:R>")
    {
        Title = "Submitted",
        Tone = ReplyTone.Success,
        Fields = [new ReplyField("Week", "2"), new ReplyField("Link", "https://coursera.org/verify/ABC", Inline: true)],
        Buttons = [new ReplyButton("Progress", "progress"), new ReplyButton("Undo", "unsubmit?week=2", ButtonStyle.Danger)],
    };

    private static void Check(string method, string path, string body)
    {
        var errors = OpenApiValidator.Validate(new RecordedRequest(method, FakeDiscord.ApiPrefix + path, body, null, null, "application/json", TimeSpan.Zero));
        Assert.True(errors.Count == 0, body + "\n" + string.Join("\n", errors));
    }

    [Fact]
    public void InteractionCallbacks_MatchTheSpec()
    {
        var path = "/interactions/1120000000000000002/token/callback";
        var message = new InteractionResponse<MessageData>(InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.Render(Busy, allowEphemeral: true));
        var deferral = new InteractionResponse<MessageData>(InteractionCallbackType.DeferredChannelMessageWithSource, MessageRenderer.Deferral(ephemeral: true));
        var modal = new InteractionResponse<ModalData>(InteractionCallbackType.Modal, ModalRenderer.Render(new ReplyForm("Proof", "submit", new Dictionary<string, string> { ["week"] = "2" }, [new FormField("url", "Link", Required: true)])));
        var choices = new InteractionResponse<AutocompleteData>(InteractionCallbackType.ApplicationCommandAutocompleteResult, new AutocompleteData([CommandOptionChoice.Of("Week 2", 2), CommandOptionChoice.Of("Week 3", 3)]));

        Check("POST", path, DiscordJson.SerializeToString(message, Json.InteractionResponseMessageData));
        Check("POST", path, DiscordJson.SerializeToString(deferral, Json.InteractionResponseMessageData));
        Check("POST", path, DiscordJson.SerializeToString(modal, Json.InteractionResponseModalData));
        Check("POST", path, DiscordJson.SerializeToString(choices, Json.InteractionResponseAutocompleteData));
    }

    [Fact]
    public void Messages_EditsAndDms_MatchTheSpec()
    {
        var created = MessageRenderer.Render(Busy, allowEphemeral: false) with { Nonce = "4617913372018364129", EnforceNonce = true };
        var withFiles = created with { Attachments = [AttachmentReference.ForPart(0, "export.csv")] };

        Check("POST", "/channels/1/messages", DiscordJson.SerializeToString(created, Json.MessageData));
        Check("POST", "/channels/1/messages", DiscordJson.SerializeToString(withFiles, Json.MessageData));
        Check("PATCH", "/webhooks/1/token/messages/@original", DiscordJson.SerializeToString(withFiles, Json.MessageData));
        Check("POST", "/users/@me/channels", DiscordJson.SerializeToString(new CreateDmRequest("82198898841029460"), Json.CreateDmRequest));
    }

    [Fact]
    public void CommandRegistration_MatchesTheSpec_ForBothScopes()
    {
        var builder = new CommandPayloadBuilder(new MessageCatalogue());

        Check("PUT", "/applications/1/commands", DiscordJson.SerializeToString(builder.Build(Catalogue.All, global: true), Json.IReadOnlyListApplicationCommand));
        Check("PUT", "/applications/1/guilds/2/commands", DiscordJson.SerializeToString(builder.Build(Catalogue.All, global: false), Json.IReadOnlyListApplicationCommand));
    }

    [Fact]
    public void ANullHeartbeatAndPermissions_AreWritten_OtherNullsAreLeftOut()
    {
        var body = DiscordJson.SerializeToString(new CommandPayloadBuilder(new MessageCatalogue()).Build([Catalogue.Help], global: false), Json.IReadOnlyListApplicationCommand);

        Assert.Contains("\"default_member_permissions\":null", body);
        Assert.DoesNotContain("\"contexts\"", body);
    }
}
