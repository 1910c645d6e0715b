using System.Globalization;
using System.Text.Json.Nodes;
using CohortBot.Slack.Rendering;

namespace CohortBot.Slack.WebApi;

/// <summary>The Web API methods the adapter uses, typed; each one call, paced and checked by <see cref="SlackApiClient"/>.</summary>
internal sealed class SlackWebApi(SlackApiClient client)
{
    public async Task<Uri> OpenSocketAsync(CancellationToken ct)
    {
        var body = await client.CallWithAppTokenAsync("apps.connections.open", ct);
        var url = (body["url"] as JsonValue)?.ToString();
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "ws"
            ? uri
            : throw new SlackApiException("apps.connections.open", "invalid_response", "no WebSocket url");
    }

    /// <summary>Returns the message ts.</summary>
    public async Task<string?> PostMessageAsync(string channel, SlackMessage message, CancellationToken ct)
    {
        var json = message.ToJson();
        json["channel"] = channel;
        json["unfurl_links"] = false;
        var body = await client.CallJsonAsync("chat.postMessage", json, ct);
        return (body["ts"] as JsonValue)?.ToString();
    }

    public async Task PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken ct)
    {
        var json = message.ToJson();
        json["channel"] = channel;
        json["user"] = user;
        await client.CallJsonAsync("chat.postEphemeral", json, ct);
    }

    public async Task UpdateAsync(string channel, string ts, SlackMessage message, CancellationToken ct)
    {
        var json = message.ToJson();
        json["channel"] = channel;
        json["ts"] = ts;
        await client.CallJsonAsync("chat.update", json, ct);
    }

    /// <summary>The DM channel id (D…) with <paramref name="user"/>.</summary>
    public async Task<string> OpenDirectChannelAsync(string user, CancellationToken ct)
    {
        var body = await client.CallJsonAsync("conversations.open", new JsonObject { ["users"] = user }, ct);
        return (body["channel"]?["id"] as JsonValue)?.ToString()
            ?? throw new SlackApiException("conversations.open", "invalid_response", "no channel id");
    }

    public async Task<JsonObject> UserInfoAsync(string user, CancellationToken ct)
    {
        var body = await client.CallFormAsync("users.info", new Dictionary<string, string> { ["user"] = user, ["include_locale"] = "true" }, ct);
        return body["user"] as JsonObject ?? throw new SlackApiException("users.info", "invalid_response", "no user");
    }

    public Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct) =>
        client.CallJsonAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, ct);

    public async Task<SlackFile> FileInfoAsync(string fileId, CancellationToken ct)
    {
        var body = await client.CallFormAsync("files.info", new Dictionary<string, string> { ["file"] = fileId }, ct);
        var file = body["file"] as JsonObject ?? throw new SlackApiException("files.info", "invalid_response", "no file");
        var url = (file["url_private_download"] as JsonValue)?.ToString() ?? (file["url_private"] as JsonValue)?.ToString();
        return new SlackFile(
            fileId,
            (file["name"] as JsonValue)?.ToString() ?? fileId,
            file["size"] is JsonValue size && size.TryGetValue<long>(out var bytes) ? bytes : 0,
            Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new SlackApiException("files.info", "invalid_response", "no download url"));
    }

    /// <summary>Step 1 of an upload: a one-time URL for <paramref name="length"/> bytes named <paramref name="fileName"/>.</summary>
    public async Task<SlackUploadTicket> GetUploadUrlAsync(string fileName, long length, CancellationToken ct)
    {
        const string method = "files.getUploadURLExternal";
        var body = await client.CallFormAsync(method, new Dictionary<string, string>
        {
            ["filename"] = fileName,
            ["length"] = length.ToString(CultureInfo.InvariantCulture),
        }, ct);
        var url = (body["upload_url"] as JsonValue)?.ToString();
        var id = (body["file_id"] as JsonValue)?.ToString();
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && id is { Length: > 0 }
            ? new SlackUploadTicket(uri, id)
            : throw new SlackApiException(method, "invalid_response", "no upload_url or file_id");
    }

    /// <summary>Step 2: the bytes, POSTed raw to the ticket's URL.</summary>
    public Task UploadAsync(SlackUploadTicket ticket, byte[] content, string contentType, CancellationToken ct) =>
        client.UploadAsync(ticket.UploadUrl, content, contentType, ct);

    /// <summary>Step 3: shares the uploaded files (id and title each) in <paramref name="channel"/>, as one message.</summary>
    public async Task CompleteUploadAsync(string channel, IReadOnlyList<(string Id, string Title)> files, string? initialComment, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["files"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["title"] = f.Title })]).ToJsonString(),
            ["channel_id"] = channel,
        };
        if (!string.IsNullOrEmpty(initialComment))
        {
            form["initial_comment"] = initialComment;
        }

        await client.CallFormAsync("files.completeUploadExternal", form, ct);
    }

    public Task<long> DownloadAsync(SlackFile file, Stream target, long limit, CancellationToken ct) => client.DownloadAsync(file.DownloadUrl, target, limit, ct);

    public Task PostToResponseUrlAsync(Uri responseUrl, JsonObject message, CancellationToken ct) =>
        client.PostToResponseUrlAsync(responseUrl, message, ct);
}
