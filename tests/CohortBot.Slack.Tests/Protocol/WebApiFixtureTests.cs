using System.Text;
using CohortBot.Slack.Commands;
using CohortBot.Slack.Http;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.Wire;
using Microsoft.AspNetCore.WebUtilities;

namespace CohortBot.Slack.Tests.Protocol;

/// <summary>Every Web API answer fixture, against Slack's Web API description where it covers the method, read into its record.</summary>
public sealed class WebApiFixtureTests
{
    private static readonly SlackJsonContext Json = SlackJson.Context;

    private static T Read<T>(string method, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, bool inSpec = true)
    {
        var text = Fixture.Text("WebApi/" + method + ".json");
        if (inSpec)
        {
            var problems = SlackWebApiSpec.AnswerProblems(method, text);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        Assert.True(SlackJson.TryParse(text, type, out var answer), method);
        return answer;
    }

    [Fact]
    public void UsersInfo_GivesTheDisplayNameLocaleAndZone()
    {
        var answer = Read("users.info", Json.UsersInfoResponse);

        var profile = SlackProfile.From(answer.User!);

        Assert.Equal(new SlackProfile("민준", "ko-KR", "Asia/Seoul"), profile);
        Assert.Equal(32400, answer.User!.TzOffset);
    }

    [Fact]
    public void PostMessage_ConversationsOpen_AndFilesInfo_MatchTheSpec()
    {
        Assert.Equal("1640089470.000400", Read("chat.postMessage", Json.PostMessageResponse).Ts);
        Assert.Equal("D0MINJUN01", Read("conversations.open", Json.OpenConversationResponse).Channel?.Id);
        var file = Read("files.info", Json.FilesInfoResponse).File!;
        Assert.Equal(("week2.png", 48213L), (file.Name, file.Size));
        Assert.EndsWith("/download/week2.png", file.UrlPrivateDownload);
    }

    [Fact]
    public void MethodsNewerThanTheSpec_AreRead()
    {
        Assert.StartsWith("wss://", Read("apps.connections.open", Json.OpenConnectionResponse, inSpec: false).Url);
        Assert.Equal("F02RB0P4Z9Q", Read("files.getUploadURLExternal", Json.UploadUrlResponse, inSpec: false).FileId);
    }

    [Theory]
    [InlineData("error_channel_not_found", "channel_not_found")]
    [InlineData("error_ratelimited", "ratelimited")]
    public void Errors_AreOkFalse_WithTheirCode(string name, string error)
    {
        var answer = Read(name, Json.SlackResponse, inSpec: false);

        Assert.False(answer.Ok);
        Assert.Equal(error, answer.Error);
    }

    [Fact]
    public void AnAnswerThatBreaksTheSchema_IsCaught() =>
        Assert.NotEmpty(SlackWebApiSpec.AnswerProblems("chat.postMessage", """{"ok":true,"channel":"nope","ts":"soon"}"""));

    [Fact]
    public void TheDocumentedSignedSlashCommand_IsReadFromItsForm()
    {
        var body = Fixture.Bytes("Http/slash_command.form");
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.Ordinal);

        var request = InboundRequest.FromForm(SlashCommand.FromForm(form));

        Assert.Equal(SignatureCheck.Valid, SlackSignatureVerifier.Verify("8f742231b10e8888abcd99yyyzzz85a5", "1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body, DateTimeOffset.FromUnixTimeSeconds(1531420618)));
        Assert.Equal(("/webhook-collect", "U2CERLKJA", "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"), (request.Command!.Command, request.UserId, request.DeliveryId));
        Assert.Equal("help", SubCommandParser.Parse(request.Command.Text).Command);
    }
}
