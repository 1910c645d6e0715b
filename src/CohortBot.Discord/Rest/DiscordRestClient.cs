using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using CohortBot.Core.Commands;
using CohortBot.Discord.Wire;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Rest;

/// <summary>
/// Discord's REST endpoints the bot uses, typed as the documentation names them. Each call is one
/// request on the <see cref="HttpClientName"/> client, whose pipeline (composed by
/// IHttpClientFactory in <see cref="DiscordServiceCollectionExtensions"/>) adds the token,
/// respects the rate limits and retries what may be retried; this class only writes and reads
/// the wire records and turns refusals into <see cref="DiscordApiException"/>.
/// </summary>
public sealed class DiscordRestClient(IHttpClientFactory httpClients, IOptions<DiscordOptions> options)
{
    public const string HttpClientName = "discord";
    public const string UserAgent = DiscordAuthHandler.UserAgent;

    private static readonly DiscordJsonContext Json = DiscordJson.Context;

    public Task<GatewayBotResponse?> GetGatewayBotAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, "/gateway/bot", null, Json.GatewayBotResponse, ct);

    public Task CreateInteractionResponseAsync<TData>(string interactionId, string token, InteractionResponse<TData> response, JsonTypeInfo<InteractionResponse<TData>> type, CancellationToken ct)
        where TData : class =>
        SendAsync(HttpMethod.Post, $"/interactions/{interactionId}/{Uri.EscapeDataString(token)}/callback", Body(response, type), ct);

    /// <summary>Replaces the deferred "thinking…" message with the answer (the token is valid 15 minutes).</summary>
    public Task EditOriginalResponseAsync(string token, MessageData message, IReadOnlyList<ReplyFile> files, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, $"/webhooks/{options.Value.ApplicationId}/{Uri.EscapeDataString(token)}/messages/@original", Message(message, files), Json.DiscordMessage, ct);

    /// <summary>Opens (or finds) the DM channel with a user.</summary>
    public async Task<DiscordChannel> CreateDmAsync(string recipientId, CancellationToken ct) =>
        await SendAsync(HttpMethod.Post, "/users/@me/channels", Body(new CreateDmRequest(recipientId), Json.CreateDmRequest), Json.DiscordChannel, ct) is { Id.Length: > 0 } channel
            ? channel
            : throw new DiscordApiException(System.Net.HttpStatusCode.OK, null, "POST /users/@me/channels", "no channel id in the answer");

    /// <summary>Posts a message; it carries a fresh nonce with <c>enforce_nonce</c>, so a retry of it is answered, not posted twice.</summary>
    public Task<DiscordMessage?> CreateMessageAsync(string channelId, MessageData message, IReadOnlyList<ReplyFile> files, CancellationToken ct)
    {
        var once = message.Nonce is null ? message with { Nonce = RequestIdempotency.NewNonce(), EnforceNonce = true } : message;
        return SendAsync(HttpMethod.Post, $"/channels/{Uri.EscapeDataString(channelId)}/messages", Message(once, files), Json.DiscordMessage, ct, enforcedNonce: once.EnforceNonce == true);
    }

    /// <summary>Replaces every command of the application (globally, or in one guild).</summary>
    public Task BulkOverwriteCommandsAsync(string? guildId, byte[] commandsJson, CancellationToken ct)
    {
        var path = guildId is null
            ? $"/applications/{options.Value.ApplicationId}/commands"
            : $"/applications/{options.Value.ApplicationId}/guilds/{guildId}/commands";
        return SendAsync(HttpMethod.Put, path, JsonBody(commandsJson), ct);
    }

    /// <summary>Sends one request and ignores the answer's body.</summary>
    public async Task SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct) =>
        await SendAsync<DiscordMessage>(method, path, content, null, ct);

    /// <summary>Sends one request; returns the answer as <typeparamref name="T"/>, or null when there is no body (204).</summary>
    public async Task<T?> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T>? answer, CancellationToken ct, bool enforcedNonce = false)
        where T : class
    {
        var route = RateLimitRoute.For(method, path);
        using var request = new HttpRequestMessage(method, options.Value.ApiBaseUrl.TrimEnd('/') + path) { Content = content };
        request.Options.Set(DiscordRequestOptions.Route, route);
        request.Options.Set(DiscordRequestOptions.Repeatable, RequestIdempotency.IsRepeatable(method, route, enforcedNonce));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var error = DiscordJson.TryParse(body, Json.DiscordError, out var parsed) ? parsed : null;
            throw new DiscordApiException(response.StatusCode, error?.Code, route.Display, error?.Message ?? response.ReasonPhrase ?? "error");
        }

        if (answer is null || body.Length == 0)
        {
            return null;
        }

        return DiscordJson.TryParse(body, answer, out var value)
            ? value
            : throw new DiscordApiException(response.StatusCode, null, route.Display, "the answer is not the documented " + typeof(T).Name);
    }

    private static ByteArrayContent Body<T>(T value, JsonTypeInfo<T> type) => JsonBody(DiscordJson.Serialize(value, type));

    private static ByteArrayContent JsonBody(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>JSON, or with files a multipart body: <c>payload_json</c> naming each file, then <c>files[n]</c>.</summary>
    private static HttpContent Message(MessageData message, IReadOnlyList<ReplyFile> files)
    {
        if (files.Count == 0)
        {
            return Body(message, Json.MessageData);
        }

        var payload = message with { Attachments = [.. files.Select((f, i) => AttachmentReference.ForPart(i, f.FileName))] };
        var content = new MultipartFormDataContent
        {
            { JsonBody(DiscordJson.Serialize(payload, Json.MessageData)), "payload_json" },
        };
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ByteArrayContent(files[i].Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            content.Add(file, $"files[{i}]", files[i].FileName);
        }

        return content;
    }
}
