using CohortBot.Core.Commands;
using CohortBot.Slack.Commands;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Tests.Protocol;

/// <summary>Every Socket Mode fixture read as the connection reads a frame, then as the runtime sees the delivery.</summary>
public sealed class SocketModeFixtureTests
{
    private static SocketModeFrame Frame(string name)
    {
        Assert.True(SlackJson.TryParse(Fixture.Bytes("SocketMode/" + name), SlackJson.Context.SocketModeFrame, out var frame), name);
        return frame;
    }

    private static InboundRequest Delivery(string name)
    {
        var frame = Frame(name);
        return new InboundRequest(frame.Type!, frame.Payload!.Value, frame.EnvelopeId, frame.AcceptsResponsePayload, frame.RetryAttempt ?? 0);
    }

    [Fact]
    public void Hello_TellsTheAppAndTheSocketsLifetime()
    {
        var hello = Frame("hello.json");

        Assert.Equal(SocketModeTypes.Hello, hello.Type);
        Assert.Equal(("A01K58AR4RF", 18060, 1), (hello.ConnectionInfo?.AppId, hello.DebugInfo?.ApproximateConnectionTime, hello.NumConnections));
    }

    [Theory]
    [InlineData("disconnect_refresh.json", "refresh_requested")]
    [InlineData("disconnect_link_disabled.json", SocketModeTypes.LinkDisabled)]
    public void Disconnect_GivesTheReason(string name, string reason)
    {
        var frame = Frame(name);

        Assert.Equal((SocketModeTypes.Disconnect, reason), (frame.Type, frame.Reason));
        Assert.Null(frame.EnvelopeId);
    }

    [Fact]
    public void SlashCommand_IsKeyedByTrigger_AnswersInTheAck_AndParsesToASubCommand()
    {
        var request = Delivery("slash_commands.json");

        Assert.Equal("1640089429696.1620232426262.0b3f4d9df2e8a1e6a5c6f0c3c7e8d2a1", request.DeliveryId);
        Assert.Equal("U0MINJUN01", request.UserId);
        Assert.True(request.AnswersInAck);
        var command = request.Command!;
        Assert.Equal(("/cohort", "C0PROOFS01", "minjun"), (command.Command, command.ChannelId, command.UserName));
        var parsed = SubCommandParser.Parse(command.Text);
        Assert.Equal("submit", parsed.Command);
        Assert.Null(parsed.Problem);
        Assert.Equal("주의 집중 실습", parsed.Options["note"]);
    }

    [Fact]
    public void BlockActions_CarryTheButton_AndItsChannel_ButNeverAnswerInTheAck()
    {
        var request = Delivery("interactive_block_actions.json");
        var payload = request.Interaction!;

        Assert.Equal(InteractionPayload.BlockActions, request.PayloadType);
        Assert.False(request.AnswersInAck);
        Assert.Equal(("U0MINJUN01", "D0MINJUN01"), (request.UserId, payload.ChannelId));
        Assert.True(ButtonAction.TryParse(Assert.Single(payload.Actions!).ActionId, out var button));
        Assert.Equal(("rsvp", "oh-dable"), (button.Command, button.Options["event"]));
        Assert.StartsWith("https://hooks.slack.com/actions/", payload.ResponseUrl);
    }

    [Fact]
    public void ViewSubmission_CarriesItsInputs_AndTheFormItWasOpenedWith()
    {
        var request = Delivery("interactive_view_submission.json");
        var view = request.Interaction!.View!;

        Assert.True(request.AnswersInAck);
        Assert.Equal("cohort_form", view.CallbackId);
        var metadata = FormMetadata.TryParse(view.PrivateMetadata)!;
        Assert.Equal(("submit", "2", "C0PROOFS01"), (metadata.Command, metadata.Fixed["week"], metadata.ChannelId));
        var values = view.State!.Values!;
        Assert.Equal("https://coursera.org/verify/MODAL1", values["url"]["url"].Value);
        Assert.Equal("F02RB0H4Y3K", Assert.Single(values["file"]["file"].Files!).Id);
        Assert.Null(values["note"]["note"].Value);
    }

    [Fact]
    public void EventsApi_IsKeyedByEventId_WithItsRetryAttempt()
    {
        var frame = Frame("events_api_retry.json");
        var request = Delivery("events_api_retry.json");

        Assert.Equal((1, "timeout"), (frame.RetryAttempt, frame.RetryReason));
        Assert.Equal("Ev02RB0LNHJ3", request.DeliveryId);
        Assert.Equal("event_callback", request.PayloadType);
        Assert.Null(request.UserId);
    }

    [Fact]
    public void AKeptDelivery_RoundTripsThroughTheInbox_Unchanged()
    {
        var request = Delivery("interactive_view_submission.json");

        var restored = InboundRequest.FromInboxPayload(request.ToInboxPayload())!;

        Assert.Equal(request.DeliveryId, restored.DeliveryId);
        Assert.True(System.Text.Json.JsonElement.DeepEquals(request.Payload, restored.Payload));
        Assert.Equal("F02RB0H4Y3K", restored.Interaction!.View!.State!.Values!["file"]["file"].Files![0].Id);
    }

    [Theory]
    [InlineData("""{"type":"slash_commands","envelope_id":"e1","payload":{"user_id":5}}""")]
    [InlineData("""{"type":"interactive","envelope_id":"e2","payload":{"type":"block_actions","actions":"press"}}""")]
    public void APayloadOfTheWrongShape_IsStillAnEnvelope_ButNoRequestToRun(string text)
    {
        Assert.True(SlackJson.TryParse(System.Text.Encoding.UTF8.GetBytes(text), SlackJson.Context.SocketModeFrame, out var frame));
        var request = new InboundRequest(frame.Type!, frame.Payload!.Value, frame.EnvelopeId, false);

        // The wrong-typed fields read as absent (the rest would still be answered); here that leaves nobody to run it as.
        Assert.Null(request.Command?.UserId);
        Assert.Null(request.Interaction?.Actions);
        Assert.Null(request.UserId);
    }
}
