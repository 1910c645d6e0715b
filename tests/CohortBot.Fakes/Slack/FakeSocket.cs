using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CohortBot.Fakes.Slack;

/// <summary>The server side of one Socket Mode connection: sends hello, envelopes and disconnects; records acks.</summary>
public sealed class FakeSocket(FakeSlack slack, WebSocket socket, int id)
{
    private static int s_envelope;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Id { get; } = id;

    public Task Closed => _closed.Task;

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>The status of the close frame the bot sent; null while none came (or the socket dropped).</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    public async Task SendAsync(JsonNode frame) => await SendRawAsync(frame.ToJsonString());

    public async Task SendRawAsync(string text)
    {
        await _send.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>
    /// An envelope already written as JSON text (the load test's fast path), entered in the ledger
    /// just before it goes on the wire; <paramref name="triggerId"/> starts its 3-second life then too.
    /// </summary>
    public async Task SendEnvelopeRawAsync(string envelopeId, string envelopeJson, string? responseId, string? triggerId)
    {
        if (triggerId is not null)
        {
            slack.Envelopes.IssueTrigger(triggerId);
        }

        slack.Envelopes.Sent(envelopeId, responseId, envelopeJson);
        await SendRawAsync(envelopeJson);
    }

    /// <summary>Sends an envelope and returns its id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload, string? envelopeId = null, int? retryAttempt = null)
    {
        envelopeId ??= "env-" + Interlocked.Increment(ref s_envelope).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        if (retryAttempt is { } attempt)
        {
            envelope["retry_attempt"] = attempt;
            envelope["retry_reason"] = "timeout";
        }

        var responseUrl = (payload["response_url"] as JsonValue)?.ToString();
        var marker = responseUrl?.LastIndexOf("/response/", StringComparison.Ordinal) ?? -1;
        var text = envelope.ToJsonString();
        slack.Envelopes.Sent(envelopeId, marker < 0 ? null : responseUrl![(marker + "/response/".Length)..], text);
        await SendRawAsync(text);
        return envelopeId;
    }

    public Task DisconnectAsync(string reason) =>
        SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } });

    public void Abort() => socket.Abort();

    internal async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = result.CloseStatus;
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    if (JsonNode.Parse(message.ToArray()) is JsonObject ack)
                    {
                        slack.RecordAck(ack, this);
                    }

                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
