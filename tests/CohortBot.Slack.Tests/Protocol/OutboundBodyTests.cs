using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.Rendering;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Tests.Protocol;

/// <summary>Each request body the adapter sends, as its wire record writes it, against Slack's Web API description.</summary>
public sealed class OutboundBodyTests
{
    private static readonly SlackJsonContext Json = SlackJson.Context;

    private static readonly Reply Busy = new("Week 2 proof received — 한국어 <@channel> & more")
    {
        Title = "Submitted",
        Fields = [new ReplyField("Week", "2")],
        Buttons = [new ReplyButton("Progress", "progress"), new ReplyButton("Undo", "unsubmit?week=2", ButtonStyle.Danger)],
    };

    private static void Check<T>(string method, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var parameters = JsonNode.Parse(SlackJson.SerializeToString(body, type))!.AsObject();
        var problems = SlackWebApiSpec.Problems(new ApiCall(method, "application/json", parameters, "Bearer xoxb-test", DateTimeOffset.UnixEpoch));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void MessageCalls_MatchTheSpec()
    {
        var message = BlockKitRenderer.Render(Busy);

        Check("chat.postMessage", new PostMessageRequest("D0MINJUN01", message.Text, message.BlocksOrNull, UnfurlLinks: false), Json.PostMessageRequest);
        Check("chat.postEphemeral", new PostEphemeralRequest("C0PROOFS01", "U0MINJUN01", message.Text, message.BlocksOrNull), Json.PostEphemeralRequest);
        Check("chat.update", new UpdateMessageRequest("C0PROOFS01", "1640089470.000400", message.Text, message.BlocksOrNull), Json.UpdateMessageRequest);
        Check("conversations.open", new OpenConversationRequest("U0MINJUN01"), Json.OpenConversationRequest);
    }

    [Fact]
    public void ViewsOpen_MatchesTheSpec()
    {
        var form = new ReplyForm("Proof for week 2", "submit", new Dictionary<string, string> { ["week"] = "2" }, [new FormField("url", "Link", false), new FormField("file", "Screenshot", false, IsFile: true)]);

        Check("views.open", new OpenViewRequest("1640089455219.1620232426262.8f7e", ModalBuilder.Build(form, "intro", "C0PROOFS01", null)), Json.OpenViewRequest);
    }

    [Fact]
    public void AnUnknownParameter_OrOneOfTheWrongType_IsCaught()
    {
        var extra = new ApiCall("chat.postMessage", "application/json", new JsonObject { ["channel"] = "C1", ["text"] = "x", ["color"] = "red" }, "Bearer xoxb-test", DateTimeOffset.UnixEpoch);
        var wrongType = new ApiCall("chat.postMessage", "application/json", new JsonObject { ["channel"] = "C1", ["text"] = "x", ["unfurl_links"] = "sometimes" }, "Bearer xoxb-test", DateTimeOffset.UnixEpoch);

        Assert.Contains("chat.postMessage: 'color' is not a parameter of the method", SlackWebApiSpec.Problems(extra));
        Assert.Contains(SlackWebApiSpec.Problems(wrongType), p => p.StartsWith("chat.postMessage: 'unfurl_links' should be a boolean", StringComparison.Ordinal));
    }

    [Fact]
    public void AcknowledgementsAndResponseUrlBodies_AreWrittenAsDocumented()
    {
        var ack = SlackJson.SerializeToString(new Acknowledgement("env-1", ViewSubmissionResponse.ErrorAt("url", "Not a link")), Json.Acknowledgement);
        var empty = SlackJson.SerializeToString(new Acknowledgement("env-2", null), Json.Acknowledgement);
        var answer = SlackJson.SerializeToString<AckPayload>(ReplyDelivery.ResponseBody(new Reply("hi")), Json.AckPayload);

        Assert.Equal("""{"envelope_id":"env-1","payload":{"response_action":"errors","errors":{"url":"Not a link"}}}""", ack);
        Assert.Equal("""{"envelope_id":"env-2"}""", empty);
        Assert.StartsWith("""{"text":"hi","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"hi"}}],"response_type":"ephemeral","replace_original":false""", answer);
    }
}
