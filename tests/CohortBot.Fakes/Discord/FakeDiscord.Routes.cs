using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CohortBot.Fakes.Discord;

/// <summary>The REST routes, the CDN and the interaction answers.</summary>
public sealed partial class FakeDiscord
{
    private (int Status, string Body) Route(RecordedRequest request)
    {
        var api = request.ApiPath;
        if (request.Authorization != "Bot " + Token)
        {
            return (401, """{"message":"401: Unauthorized","code":0}""");
        }

        if (request.Method == "POST" && Callback().Match(api) is { Success: true } callback)
        {
            return AnswerCallback(callback.Groups["id"].Value, request.Body);
        }

        if (Webhook().Match(api) is { Success: true } webhook)
        {
            return AnswerWebhook(request.Method, Uri.UnescapeDataString(webhook.Groups["token"].Value), webhook.Groups["rest"].Value, request.Body);
        }

        return (request.Method, api) switch
        {
            ("GET", "/gateway/bot") => (200, new JsonObject
            {
                ["url"] = BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway",
                ["shards"] = 1,
                ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = SessionStartLimit.Remaining, ["reset_after"] = SessionStartLimit.ResetAfterMs, ["max_concurrency"] = 1 },
            }.ToJsonString()),
            ("POST", "/users/@me/channels") => Counted(DmOpened, (200, new JsonObject { ["id"] = "55" + (string?)request.Json?["recipient_id"], ["type"] = 1 }.ToJsonString())),
            ("POST", _) when ChannelMessagesPath().IsMatch(api) => Counted(ChannelMessages, (200, """{"id":"600000000000000002"}""")),
            ("PUT", _) when Commands().IsMatch(api) => (200, request.Body),
            _ => (404, """{"message":"404: Not Found","code":0}"""),
        };
    }

    private (int Status, string Body) AnswerCallback(string id, string body)
    {
        var type = int.TryParse(TypeOf().Match(body) is { Success: true } m ? m.Groups[1].Value : null, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : 0;
        return Interactions.Callback(id, type, IsErrorReply?.Invoke(body) == true) ?? (204, string.Empty);
    }

    private (int Status, string Body) AnswerWebhook(string method, string token, string rest, string body)
    {
        var known = (method, rest) switch
        {
            ("PATCH", "/messages/@original") => true,
            ("POST", "") => true,
            ("PATCH", _) when rest.StartsWith("/messages/", StringComparison.Ordinal) => true,
            _ => false,
        };
        if (!known)
        {
            return (404, """{"message":"404: Not Found","code":0}""");
        }

        return Interactions.Webhook(token, IsErrorReply?.Invoke(body) == true)
            ?? (200, """{"id":"600000000000000001","channel_id":"500000000000000001"}""");
    }

    private (int Status, string Body) Counted(string key, (int Status, string Body) answer)
    {
        Traffic.Add(key);
        return answer;
    }

    private async Task ServeCdnAsync(HttpContext http, string name)
    {
        CdnHits.Enqueue(name);
        if (CdnRedirects.TryGetValue(name, out var location))
        {
            http.Response.StatusCode = 302;
            http.Response.Headers.Location = location;
            return;
        }

        if (CdnHold is { } hold)
        {
            await hold.PassAsync(http.RequestAborted);
        }

        if (GeneratedImage.TryParse(name, out var seed, out var size))
        {
            http.Response.ContentType = "image/png";
            http.Response.ContentLength = size;
            await GeneratedImage.WriteAsync(http.Response.Body, seed, size, http.RequestAborted);
            return;
        }

        if (!CdnFiles.TryGetValue(name, out var bytes))
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.ContentType = "application/octet-stream";
        await http.Response.Body.WriteAsync(bytes);
    }

    private static IReadOnlyDictionary<string, string> DefaultHeaders(RecordedRequest request) => new Dictionary<string, string>
    {
        ["X-RateLimit-Limit"] = "50",
        ["X-RateLimit-Remaining"] = "49",
        ["X-RateLimit-Reset-After"] = "1",
        ["X-RateLimit-Bucket"] = "bucket-" + request.Method + "-" + Regex.Replace(request.ApiPath, @"\d+", ":id"),
    };

    private static async Task WriteAsync(HttpContext http, int status, string body, IReadOnlyDictionary<string, string> headers)
    {
        http.Response.StatusCode = status;
        foreach (var (key, value) in headers)
        {
            http.Response.Headers[key] = value;
        }

        if (status != 204 && body.Length > 0)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(body);
        }
    }

    [GeneratedRegex(@"^/interactions/(?<id>\d+)/[^/]+/callback$")]
    private static partial Regex Callback();

    [GeneratedRegex(@"^/webhooks/\d+/(?<token>[^/]+)(?<rest>(/messages/[^/]+)?)$")]
    private static partial Regex Webhook();

    [GeneratedRegex(@"^/channels/\d+/messages$")]
    private static partial Regex ChannelMessagesPath();

    [GeneratedRegex(@"^\s*\{\s*""type""\s*:\s*(\d+)")]
    private static partial Regex TypeOf();

    [GeneratedRegex(@"^/applications/\d+(/guilds/\d+)?/commands$")]
    private static partial Regex Commands();
}
