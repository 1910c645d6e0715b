using CohortBot.Slack.Rendering;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.WebApi;

/// <summary>The Web API methods the adapter uses, typed as Slack documents them; each one call through <see cref="SlackApiClient"/>.</summary>
internal sealed class SlackWebApi(SlackApiClient client)
{
    private static readonly SlackJsonContext Json = SlackJson.Context;

    public async Task<Uri> OpenSocketAsync(CancellationToken ct)
    {
        var body = await client.CallWithAppTokenAsync("apps.connections.open", Json.OpenConnectionResponse, ct);
        return Uri.TryCreate(body.Url, UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "ws"
            ? uri
            : throw new SlackApiException("apps.connections.open", "invalid_response", "no WebSocket url");
    }

    /// <summary>Returns the message ts.</summary>
    public async Task<string?> PostMessageAsync(string channel, SlackMessage message, CancellationToken ct)
    {
        var body = await client.CallAsync("chat.postMessage", new PostMessageRequest(channel, message.Text, message.BlocksOrNull, UnfurlLinks: false), Json.PostMessageRequest, Json.PostMessageResponse, channel, ct);
        return body.Ts;
    }

    public Task PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken ct) =>
        client.CallAsync("chat.postEphemeral", new PostEphemeralRequest(channel, user, message.Text, message.BlocksOrNull), Json.PostEphemeralRequest, Json.SlackResponse, channel, ct);

    public Task UpdateAsync(string channel, string ts, SlackMessage message, CancellationToken ct) =>
        client.CallAsync("chat.update", new UpdateMessageRequest(channel, ts, message.Text, message.BlocksOrNull), Json.UpdateMessageRequest, Json.PostMessageResponse, channel, ct);

    /// <summary>The DM channel id (D…) with <paramref name="user"/>.</summary>
    public async Task<string> OpenDirectChannelAsync(string user, CancellationToken ct)
    {
        var body = await client.CallAsync("conversations.open", new OpenConversationRequest(user), Json.OpenConversationRequest, Json.OpenConversationResponse, null, ct);
        return body.Channel?.Id is { Length: > 0 } id ? id : throw new SlackApiException("conversations.open", "invalid_response", "no channel id");
    }

    public async Task<SlackUser> UserInfoAsync(string user, CancellationToken ct)
    {
        var body = await client.CallFormAsync("users.info", new UsersInfoRequest(user, IncludeLocale: true).ToForm(), Json.UsersInfoResponse, ct);
        return body.User ?? throw new SlackApiException("users.info", "invalid_response", "no user");
    }

    public Task OpenViewAsync(string triggerId, ModalView view, CancellationToken ct) =>
        client.CallAsync("views.open", new OpenViewRequest(triggerId, view), Json.OpenViewRequest, Json.SlackResponse, null, ct);

    public async Task<SlackFile> FileInfoAsync(string fileId, CancellationToken ct)
    {
        var body = await client.CallFormAsync("files.info", new FilesInfoRequest(fileId).ToForm(), Json.FilesInfoResponse, ct);
        var file = body.File ?? throw new SlackApiException("files.info", "invalid_response", "no file");
        var url = string.IsNullOrEmpty(file.UrlPrivateDownload) ? file.UrlPrivate : file.UrlPrivateDownload;
        return new SlackFile(
            fileId,
            string.IsNullOrEmpty(file.Name) ? fileId : file.Name,
            file.Size ?? 0,
            Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new SlackApiException("files.info", "invalid_response", "no download url"));
    }

    /// <summary>Step 1 of an upload: a one-time URL for <paramref name="length"/> bytes named <paramref name="fileName"/>.</summary>
    public async Task<SlackUploadTicket> GetUploadUrlAsync(string fileName, long length, CancellationToken ct)
    {
        const string method = "files.getUploadURLExternal";
        var body = await client.CallFormAsync(method, new UploadUrlRequest(fileName, length).ToForm(), Json.UploadUrlResponse, ct);
        return Uri.TryCreate(body.UploadUrl, UriKind.Absolute, out var uri) && body.FileId is { Length: > 0 } id
            ? new SlackUploadTicket(uri, id)
            : throw new SlackApiException(method, "invalid_response", "no upload_url or file_id");
    }

    /// <summary>Step 2: the bytes, POSTed raw to the ticket's URL.</summary>
    public Task UploadAsync(SlackUploadTicket ticket, byte[] content, string contentType, CancellationToken ct) =>
        client.UploadAsync(ticket.UploadUrl, content, contentType, ct);

    /// <summary>Step 3: shares the uploaded files (id and title each) in <paramref name="channel"/>, as one message.</summary>
    public Task CompleteUploadAsync(string channel, IReadOnlyList<(string Id, string Title)> files, string? initialComment, CancellationToken ct) =>
        client.CallFormAsync(
            "files.completeUploadExternal",
            new CompleteUploadRequest([.. files.Select(f => new UploadedFile(f.Id, f.Title))], channel, initialComment).ToForm(),
            Json.SlackResponse,
            ct);

    public Task<long> DownloadAsync(SlackFile file, Stream target, long limit, CancellationToken ct) => client.DownloadAsync(file.DownloadUrl, target, limit, ct);

    public Task PostToResponseUrlAsync(Uri responseUrl, ResponseMessage message, CancellationToken ct) =>
        client.PostToResponseUrlAsync(responseUrl, message, ct);
}
