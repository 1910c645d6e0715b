using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CohortBot.Core.Submissions;
using CohortBot.Discord.Interactions;
using CohortBot.Discord.Wire;
using CohortBot.Fakes.Discord;
using CohortBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Tests.Interactions;

/// <summary>
/// Interaction payloads mutated at random from valid commands, buttons and modal submissions (wrong
/// types, hostile strings, numbers at the edges, missing and extra keys, nesting): read or dropped,
/// mapped or refused, never an exception. Seeded; the attachment host answers 404 without a network.
/// </summary>
public sealed class InteractionPropertyTests
{
    [Fact]
    public void AnyInteractionPayload_IsReadAndMappedWithoutAnException()
    {
        var mapper = new InvocationMapper(new AttachmentDownloader(new NoNetwork(), Options.Create(new ProofOptions()), Options.Create(new DiscordOptions()), NullLogger<AttachmentDownloader>.Instance));
        JsonObject[] valid =
        [
            Payloads.Interaction(2, Payloads.CommandWithResolved("submit", new JsonObject { ["attachments"] = new JsonObject { ["9"] = Payloads.Attachments("9", "p.png", "https://cdn.discordapp.com/a/p.png", 10) } },
                Payloads.Option("week", 4, 2), Payloads.Option("file", 11, "9"), Payloads.Option("note", 3, "hi"))),
            Payloads.Interaction(3, Payloads.Button("rsvp?event=tt-dable")),
            Payloads.Interaction(5, Payloads.ModalSubmit("submit?week=2", ("url", "https://coursera.org/verify/X"), ("note", "n"))),
        ];
        Cases.Run(500, seed =>
        {
            var h = new HostileText(seed);
            var payload = JsonNode.Parse(h.Pick(valid).ToJsonString())!;
            for (var n = h.Next(6) + 1; n > 0; n--)
            {
                Mutate(payload, h);
            }

            var interaction = Read(payload);
            if (interaction is not null)
            {
                _ = mapper.MapAsync(interaction, default).GetAwaiter().GetResult();
            }
        });
    }

    /// <summary>
    /// A field the mapper can do without, sent as the wrong JSON type, does not lose the interaction:
    /// it is read as absent, and the person is answered (here: the command still reaches the core).
    /// </summary>
    [Theory]
    [InlineData("option type as text", "submit")]
    [InlineData("resolved as text", "submit")]
    [InlineData("attachments as a number", "submit")]
    [InlineData("size as text", "submit")]
    [InlineData("a modal row that is a number", "submit")]
    public async Task AWrongTypeInAFieldThatCanBeDoneWithout_IsStillAnswered(string broken, string command)
    {
        var mapper = new InvocationMapper(new AttachmentDownloader(new NoNetwork(), Options.Create(new ProofOptions()), Options.Create(new DiscordOptions()), NullLogger<AttachmentDownloader>.Instance));
        var submit = Payloads.CommandWithResolved("submit", Payloads.Attachments("9", "p.png", "https://cdn.discordapp.com/a/p.png", 10), Payloads.Option("week", 4, 2), Payloads.Option("file", 11, "9"));
        var modal = Payloads.ModalSubmit("submit?week=2", ("url", "https://coursera.org/verify/X"));
        JsonObject payload = broken switch
        {
            "option type as text" => With(submit, p => p["data"]!["options"]![0]!["type"] = "four"),
            "resolved as text" => With(submit, p => p["data"]!["resolved"] = "everything"),
            "attachments as a number" => With(submit, p => p["data"]!["resolved"]!["attachments"] = 7),
            "size as text" => With(submit, p => p["data"]!["resolved"]!["attachments"]!["9"]!["size"] = "big"),
            _ => With(modal, p => p["data"]!["components"]!.AsArray().Insert(0, 1)),
        };

        var interaction = Read(payload);
        Assert.NotNull(interaction);
        var invocation = await mapper.MapAsync(interaction, default);

        Assert.NotNull(invocation);
        Assert.Equal(command, invocation.Command);
        if (broken == "a modal row that is a number")
        {
            Assert.Equal("https://coursera.org/verify/X", invocation.Options["url"]);
        }
    }

    /// <summary>What the gateway and the HTTP endpoint do with a payload: the typed record, then the interaction.</summary>
    private static DiscordInteraction? Read(JsonNode payload)
    {
        using var document = JsonDocument.Parse(payload.ToJsonString());
        return DiscordJson.TryParse(document.RootElement, DiscordJson.Context.Interaction, out var wire) ? DiscordInteraction.From(wire) : null;
    }

    private static JsonObject With(JsonObject valid, Action<JsonObject> breakIt)
    {
        var copy = valid.DeepClone().AsObject();
        breakIt(copy);
        return copy;
    }

    /// <summary>Replaces, removes or adds one value somewhere in the tree.</summary>
    private static void Mutate(JsonNode root, HostileText h)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = h.Pick(nodes);
        switch (target)
        {
            case JsonObject o when o.Count > 0 && h.Chance(0.3):
                o.Remove(h.Pick(o.Select(p => p.Key).ToList()));
                break;
            case JsonObject o:
                var key = o.Count > 0 && h.Chance(0.7) ? h.Pick(o.Select(p => p.Key).ToList()) : h.Text();
                o[key] = Value(h);
                break;
            case JsonArray a:
                a.Add(Value(h));
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is JsonObject o)
        {
            into.Add(o);
            foreach (var (_, child) in o)
            {
                Collect(child, into);
            }
        }
        else if (node is JsonArray a)
        {
            into.Add(a);
            foreach (var child in a)
            {
                Collect(child, into);
            }
        }
    }

    private static JsonNode? Value(HostileText h) => h.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(h.Text()),
        2 => JsonValue.Create(h.Pick<long>([0, -1, 1, 2, 11, long.MaxValue, long.MinValue])),
        3 => JsonValue.Create(h.Pick<double>([0.5, 1e308, -0.0])),
        4 => JsonValue.Create(h.Chance(0.5)),
        5 => new JsonArray(JsonValue.Create(h.Text()), new JsonObject()),
        6 => new JsonObject { ["name"] = h.Text(), ["type"] = h.Next(12), ["value"] = JsonValue.Create(h.Text()) },
        7 => JsonNode.Parse(new string('[', 8) + new string(']', 8)), // deeper than 64 in all is the socket's and HTTP layer's to refuse
        _ => new JsonObject { ["attachments"] = JsonValue.Create(h.Text()), ["components"] = JsonValue.Create(h.Next(3)) },
    };

    private sealed class NoNetwork : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new NotFound());

        private sealed class NotFound : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
