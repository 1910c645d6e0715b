using System.Text.Json;
using System.Text.Json.Nodes;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Testing;

namespace CohortBot.Slack.Tests.SocketMode;

/// <summary>
/// Socket Mode frames of every type (slash commands, block actions, view submissions with file
/// inputs and private_metadata, events, hello, disconnect) mutated at random — wrong JSON types,
/// missing, extra and case-twin keys, hostile strings, deep nesting, huge values — sent over the
/// fake's socket into the real receive loop, mapping, core and SQLite. Fixed cases (<see cref="Cases"/>).
/// New sockets are refused throughout, so a honoured <c>disconnect</c> leaves the first socket serving.
/// </summary>
public sealed class EnvelopePropertyTests
{
    private const string Apology = "something went wrong";

    [Fact]
    public async Task AnyFrame_MutatedAtRandom_IsAcknowledgedOrDroppedWithALog_NeverAnExceptionOrALostSocket()
    {
        await using var fake = await FakeSlack.StartAsync(new TestClock());
        fake.ValidateCalls = false; // hostile ids reach the Web API on purpose here; the fake's own rules are tested elsewhere
        fake.Files["F1"] = Payloads.Png;
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();
        fake.RefuseConnections = true;

        var mustAck = new List<(int Seed, string EnvelopeId, string Frame)>();
        await Cases.RunAsync(100, async seed =>
        {
            var h = new HostileText(seed);
            var frame = h.Pick(ValidFrames(fake))();
            for (var n = h.Next(4) + (h.Chance(0.2) ? 0 : 1); n > 0; n--)
            {
                JsonMutation.Mutate(frame, h);
            }

            if (frame["payload"] is JsonObject { } mutated && mutated["view"] is JsonObject view && h.Chance(0.5))
            {
                JsonMutation.Mutate(view, h, metadataOnly: true);
            }

            var text = frame.ToJsonString().Replace($"\"{JsonMutation.Deep}\"", new string('[', 70) + new string(']', 70), StringComparison.Ordinal);
            if (ReadableEnvelopeId(text) is { } id)
            {
                mustAck.Add((seed, id, text));
            }

            await socket.SendRawAsync(text);
        });

        foreach (var (seed, id, text) in mustAck)
        {
            var acks = await AckAsync(fake, id, seed, text);
            Assert.DoesNotContain(Apology, acks, StringComparison.Ordinal);
        }

        Assert.True(socket.IsOpen, "the socket the frames came on is still open");
        Assert.DoesNotContain(fake.ResponsePosts, p => p.Body.ToText().Contains(Apology, StringComparison.Ordinal));
        var failures = bot.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal) && !l.Contains("Could not connect", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(l => l.Length <= 3000 ? l : l[..3000])));
        Assert.True(mustAck.Count > 40, $"enough frames carried an envelope id ({mustAck.Count})");
        Assert.Contains(bot.Logs.Lines, l => l.Contains("sent a frame that is not an envelope", StringComparison.Ordinal)); // the unreadable ones, dropped with a log

        fake.RefuseConnections = false;
        if (bot.Status.State != CohortBot.Slack.SocketMode.SlackConnectionState.Connected)
        {
            await bot.SkipReconnectWaitAsync(); // a honoured disconnect was refused a new socket, and waits on the test clock
        }

        await bot.WaitConnectedAsync();
    }

    /// <summary>
    /// A slash command from someone the bot can answer (its <c>user_id</c> readable), any other field
    /// mutated: answered — a reply in the acknowledgement, or the command's modal — never dropped,
    /// never the apology. The bot and the fake share a clock that never moves, so a reply always fits the ack.
    /// </summary>
    [Fact]
    public async Task MalformedSlashCommand_FromSomeoneItCanAnswer_GetsAPoliteReply()
    {
        var clock = new TestClock();
        await using var fake = await FakeSlack.StartAsync(clock);
        fake.ValidateCalls = false;
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();

        await Cases.RunAsync(60, async seed =>
        {
            var h = new HostileText(seed);
            var user = "UP" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var payload = Payloads.Slash(fake, h.Pick<string>(["submit 1 https://coursera.org/verify/X", "submit 1", "rsvp tt-1", "progress", ""]), user, responseId: "p" + user);
            for (var n = h.Next(3) + 1; n > 0; n--)
            {
                JsonMutation.Mutate(payload, h);
            }

            payload["user_id"] = user;
            var id = await socket.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
            await AssertAnsweredAsync(fake, bot, id, user, "p" + user, payload);
        });
    }

    /// <summary>
    /// A button press or form submission from someone the bot can answer (user id, payload type,
    /// the button or our form's callback id readable), any other field mutated: answered — in the
    /// acknowledgement, by response_url, ephemeral message or DM, or with a modal — never the apology.
    /// </summary>
    [Fact]
    public async Task MalformedButtonOrForm_FromSomeoneItCanAnswer_GetsAPoliteReply()
    {
        var clock = new TestClock();
        await using var fake = await FakeSlack.StartAsync(clock);
        fake.ValidateCalls = false;
        fake.Files["F1"] = Payloads.Png;
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();

        await Cases.RunAsync(60, async seed =>
        {
            var h = new HostileText(seed);
            var user = "UI" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var responseId = "p" + user;
            var form = h.Chance(0.5);
            var payload = form ? ViewSubmission(fake, responseId) : Payloads.BlockAction(fake, h.Pick<string>(["rsvp?event=oh-1", "submit?week=1", "progress"]), responseId: responseId);
            for (var n = h.Next(3) + 1; n > 0; n--)
            {
                JsonMutation.Mutate(payload, h);
            }

            if (form && h.Chance(0.3) && payload["view"] is JsonObject view && view["private_metadata"] is JsonValue meta
                && meta.TryGetValue<string>(out var inner) && JsonMutation.TryParseObject(inner) is { } metadata && metadata["o"] is JsonObject fixedOptions)
            {
                fixedOptions["WEEK"] = h.Number(); // the same option twice, differing only in case
                view["private_metadata"] = metadata.ToJsonString();
            }

            payload["type"] = form ? "view_submission" : "block_actions";
            payload["user"] = payload["user"] as JsonObject ?? new JsonObject();
            payload["user"]!["id"] = user;
            if (form)
            {
                payload["view"] = payload["view"] as JsonObject ?? new JsonObject();
                payload["view"]!["callback_id"] = "cohort_form";
            }
            else if (payload["actions"] is not JsonArray { Count: > 0 } actions || actions[0] is not JsonObject)
            {
                payload["actions"] = new JsonArray(new JsonObject { ["action_id"] = "progress" });
            }

            var id = await socket.SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: form);
            await AssertAnsweredAsync(fake, bot, id, user, responseId, payload);
        });
    }

    /// <summary>Answered in the acknowledgement, by response_url, ephemeral message or DM, or with a modal; never the apology.</summary>
    private static async Task AssertAnsweredAsync(FakeSlack fake, SlackBot bot, string envelopeId, string user, string responseId, JsonObject payload)
    {
        try
        {
            await AssertAnsweredAsync(fake, envelopeId, user, responseId, payload);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message[..Math.Min(600, ex.Message.Length)] + "\nlog:\n" + string.Join("\n", bot.Logs.Lines.Select(l => l.Length <= 3000 ? l : l[..3000])));
        }
    }

    private static async Task AssertAnsweredAsync(FakeSlack fake, string envelopeId, string user, string responseId, JsonObject payload)
    {
        var trigger = (payload["trigger_id"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
        var ack = (await fake.AckFor(envelopeId)).Ack;
        if (ack["payload"] is { } inAck)
        {
            Assert.DoesNotContain(Apology, inAck.ToText(), StringComparison.Ordinal);
            return;
        }

        var shown = payload.ToText();
        var answer = await fake.EventuallyAsync(
            () => fake.ResponsePosts.Where(p => p.Id == responseId).Select(p => p.Body.ToText()).FirstOrDefault()
                  ?? fake.Calls.Where(c => c.Method is "chat.postEphemeral" && c.Parameters["user"]?.ToString() == user
                                           || c.Method is "conversations.open" && c.Parameters["users"]?.ToString() == user
                                           || c.Method is "views.open" && trigger is not null && c.Parameters["trigger_id"]?.ToString() == trigger)
                      .Select(c => c.Parameters.ToText()).FirstOrDefault(),
            $"an answer to {user} for {shown[..Math.Min(1500, shown.Length)]}");
        Assert.DoesNotContain(Apology, answer, StringComparison.Ordinal);
    }

    private static async Task<string> AckAsync(FakeSlack fake, string id, int seed, string frame)
    {
        try
        {
            return (await fake.AckFor(id)).Ack.ToText();
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"envelope {id} was never acknowledged (rerun its case alone with COHORTBOT_CASE={seed}): {(frame.Length <= 1500 ? frame : frame[..1500] + "…")}", ex);
        }
    }

    /// <summary>What the bot must acknowledge: a frame it can read whose envelope_id is a non-empty string, not hello or disconnect.</summary>
    private static string? ReadableEnvelopeId(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("envelope_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } envelopeId
                || root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is "hello" or "disconnect")
            {
                return null;
            }

            return envelopeId;
        }
        catch (JsonException)
        {
            return null; // deeper than 64: no reader would take it, so it is dropped with a log
        }
    }

    private static Func<JsonObject>[] ValidFrames(FakeSlack fake) =>
    [
        () => Envelope("slash_commands", Payloads.Slash(fake, "submit 1 https://coursera.org/verify/X note:\"done\"", responseId: "p"), true),
        () => Envelope("slash_commands", Payloads.Slash(fake, "rsvp tt-1", responseId: "p"), true),
        () => Envelope("interactive", Payloads.BlockAction(fake, "rsvp?event=oh-1", responseId: "p"), false),
        () => Envelope("interactive", Payloads.BlockAction(fake, "submit?week=1", responseId: "p"), false),
        () => Envelope("interactive", ViewSubmission(fake), true),
        () => Envelope("events_api", new JsonObject
        {
            ["type"] = "event_callback",
            ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..8],
            ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = "U1" },
        }, false),
        () => new JsonObject { ["type"] = "hello", ["num_connections"] = 1, ["connection_info"] = new JsonObject { ["app_id"] = "A0TEST" }, ["debug_info"] = new JsonObject { ["host"] = "fake", ["approximate_connection_time"] = 18060 } },
        () => new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested", ["debug_info"] = new JsonObject { ["host"] = "fake" } },
    ];

    private static JsonObject ViewSubmission(FakeSlack fake, string responseId = "p")
    {
        var metadata = new JsonObject { ["c"] = "submit", ["o"] = new JsonObject { ["week"] = "1" }, ["ch"] = "C1", ["r"] = fake.ResponseUrl(responseId) };
        var values = new JsonObject
        {
            ["url"] = new JsonObject { ["url"] = Payloads.TextValue("https://coursera.org/verify/X") },
            ["file"] = new JsonObject { ["file"] = Payloads.FileValue("F1") },
            ["note"] = new JsonObject { ["note"] = Payloads.TextValue("lesson 5") },
        };
        return Payloads.ViewSubmission(new JsonObject { ["callback_id"] = "cohort_form", ["private_metadata"] = metadata.ToJsonString() }, values);
    }

    private static JsonObject Envelope(string type, JsonObject payload, bool acceptsResponsePayload) => new()
    {
        ["envelope_id"] = "env-" + Guid.NewGuid().ToString("N"),
        ["type"] = type,
        ["payload"] = payload,
        ["accepts_response_payload"] = acceptsResponsePayload,
    };
}
