using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CohortBot.Fakes.Slack;

/// <summary>What a load test needs beyond the tests: views handed out, redelivery, bounded records.</summary>
public sealed partial class FakeSlack
{
    private JsonObject FileInfo(string id, long size) => Ok(new()
    {
        ["file"] = new JsonObject
        {
            ["id"] = id,
            ["name"] = "proof.png",
            ["mimetype"] = "image/png",
            ["size"] = size,
            ["url_private_download"] = new Uri(BaseUrl, "files/" + id).ToString(),
        },
    });

    private JsonObject OpenView(string? triggerId, JsonNode? view)
    {
        if (Envelopes.ExchangeTrigger(triggerId) is { } error)
        {
            return Error(error);
        }

        var opened = view switch
        {
            JsonObject o => o,
            JsonValue v when v.TryGetValue<string>(out var text) => JsonNode.Parse(text) as JsonObject,
            _ => null,
        };
        if (triggerId is not null && opened is not null)
        {
            ViewOpened?.Invoke(triggerId, opened);
        }

        return Ok(new() { ["view"] = new JsonObject { ["id"] = "V" + NextTs() } });
    }

    private void Bounded<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        if (RecordLimit is { } keep)
        {
            while (queue.Count > keep && queue.TryDequeue(out _))
            {
            }
        }
    }

    /// <summary>Slack sends an envelope again when its ack does not come in time, on any open connection.</summary>
    private async Task RedeliverLoopAsync(TimeSpan after, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), Clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var timing in Envelopes.Overdue(after).ToList())
            {
                string? text;
                lock (timing.Gate)
                {
                    text = timing.AckAt is null && timing.Redeliveries < MaxRedeliveries ? timing.Text : null;
                }

                if (text is null || JsonNode.Parse(text) is not JsonObject envelope || OpenSockets() is not [var socket, ..])
                {
                    continue;
                }

                envelope["retry_attempt"] = timing.CountRedelivery();
                envelope["retry_reason"] = "timeout";
                timing.LastSentAt = Clock.GetTimestamp();
                Envelopes.Watch(timing);
                try
                {
                    await socket.SendRawAsync(envelope.ToJsonString());
                }
                catch (System.Net.WebSockets.WebSocketException)
                {
                    // The connection went away; the next round tries another.
                }
            }
        }
    }
}
