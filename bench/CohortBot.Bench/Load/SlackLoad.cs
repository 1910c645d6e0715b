using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CohortBot.Bench.Setup;
using CohortBot.Fakes;
using CohortBot.Fakes.Slack;

namespace CohortBot.Bench.Load;

/// <summary>
/// <c>/cohort …</c> slash commands as Socket Mode envelopes. An image proof is what a person does:
/// <c>/cohort submit N</c>, the bot opens the proof modal, and the modal comes back as a
/// view_submission with a file (served by the fake) in its file input.
/// </summary>
public sealed class SlackLoad
{
    public const string Platform = "slack";
    private static long s_seq;
    private readonly FakeSlack _fake;
    private readonly BenchCohort _cohort;
    private readonly int _imageBytes;
    private readonly ConcurrentDictionary<string, (string UserId, long Seed)> _forms = new(StringComparer.Ordinal);
    private ConcurrentQueue<Outgoing> _followUps = new();
    private int _next;

    public SlackLoad(FakeSlack fake, BenchCohort cohort, int imageBytes)
    {
        _fake = fake;
        _cohort = cohort;
        _imageBytes = imageBytes;
        fake.ViewOpened += OnViewOpened;
    }

    public async Task<Batch> SendAsync(int count, double rate, Population people, Random random, CancellationToken ct) =>
        await SendAsync(Enumerable.Range(0, count).Select(_ => (CommandKind.Pick(random), people.Slack(random))).ToList(), rate, random, ct);

    /// <summary>Sends the given commands (kind, user) on schedule.</summary>
    public async Task<Batch> SendAsync(IReadOnlyList<(string Kind, string UserId)> plan, double rate, Random random, CancellationToken ct)
    {
        var followUps = _followUps = new ConcurrentQueue<Outgoing>();
        var commands = plan.Select(p => Build(p.Kind, p.UserId, random)).ToList();
        var (lag, achieved) = await OpenLoop.RunAsync(commands.Count, rate, i => SendAsync(commands[i]), ct);
        return new SlackBatch(_fake.Envelopes, commands, followUps) { MaxLagMs = lag, AchievedRate = achieved };
    }

    private Outgoing Build(string kind, string userId, Random random)
    {
        var n = Interlocked.Increment(ref s_seq);
        var week = _cohort.CurrentWeek;
        var text = kind switch
        {
            CommandKind.SubmitLink => $"submit {week} https://example.com/proof/s{n}",
            CommandKind.SubmitImage => $"submit {week}",
            CommandKind.Rsvp => "rsvp " + CommandKind.Event(random),
            _ => kind,
        };
        var responseId = "b" + n;
        var trigger = Payloads.NewTrigger();
        var payload = Payloads.Slash(_fake, text, userId, responseId, trigger);
        payload["user_name"] = "user" + userId[^5..];
        if (kind == CommandKind.SubmitImage)
        {
            _forms[trigger] = (userId, n);
        }

        return Envelope(kind, "slash_commands", payload, responseId, trigger);
    }

    private static Outgoing Envelope(string kind, string type, JsonObject payload, string? responseId, string? trigger)
    {
        var id = "env-b" + Interlocked.Increment(ref s_seq);
        var envelope = new JsonObject { ["envelope_id"] = id, ["type"] = type, ["payload"] = payload, ["accepts_response_payload"] = true };
        return new Outgoing(kind, id, envelope.ToJsonString(), responseId, trigger);
    }

    private async Task SendAsync(Outgoing command)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var sockets = _fake.OpenSockets();
            if (sockets.Count > 0)
            {
                try
                {
                    await sockets[Interlocked.Increment(ref _next) % sockets.Count].SendEnvelopeRawAsync(command.Id, command.Json, command.ResponseId, command.TriggerId);
                    return;
                }
                catch (System.Net.WebSockets.WebSocketException)
                {
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("No Slack connection to send on: the bot has no open Socket Mode connection.");
    }

    /// <summary>The person fills the modal the bot opened: the file input gets a generated image.</summary>
    private void OnViewOpened(string trigger, JsonObject view)
    {
        if (!_forms.TryRemove(trigger, out var form))
        {
            return;
        }

        var values = new JsonObject();
        foreach (var block in view["blocks"] as JsonArray ?? [])
        {
            if (block?["element"] is JsonObject { } element && (element["type"] as JsonValue)?.ToString() == "file_input")
            {
                values[(string)block["block_id"]!] = new JsonObject { [(string)element["action_id"]!] = Payloads.FileValue(GeneratedImage.Name(form.Seed, _imageBytes)) };
            }
        }

        var submission = Envelope(CommandKind.SubmitImageForm, "interactive", Payloads.ViewSubmission(view, values, form.UserId), null, null);
        var queue = _followUps;
        queue.Enqueue(submission);
        _ = Task.Run(() => SendAsync(submission));
    }

    private sealed record Outgoing(string Kind, string Id, string Json, string? ResponseId, string? TriggerId);

    private sealed class SlackBatch(EnvelopeLedger ledger, IReadOnlyList<Outgoing> commands, ConcurrentQueue<Outgoing> followUps) : Batch
    {
        public override int Count => commands.Count;

        public override bool Settled() => commands.Concat(followUps).All(c => ledger.Find(c.Id)?.FinalAt is not null);

        public override IReadOnlyList<Sample> Samples() => [.. commands.Concat(followUps).Select(c =>
        {
            var t = ledger.Find(c.Id);
            double? Ms(long? at) => t is not null && at is { } value ? ledger.Between(t.SentAt, value).TotalMilliseconds : null;
            return new Sample(Platform, c.Kind, Ms(t?.AckAt), Ms(t?.FinalAt), t is { AckAt: not null, AckHadPayload: false }, t?.ErrorReply == true, t?.Redeliveries > 0);
        })];
    }
}
