using System.Globalization;
using System.Text.Json.Nodes;
using CohortBot.Bench.Setup;
using CohortBot.Fakes;
using CohortBot.Fakes.Discord;

namespace CohortBot.Bench.Load;

/// <summary>
/// Slash commands as Discord delivers them: INTERACTION_CREATE on the gateway, built before the
/// clock starts, written on schedule. An image proof is an attachment on the fake CDN.
/// </summary>
public sealed class DiscordLoad(FakeDiscord fake, BenchCohort cohort, int imageBytes)
{
    public const string Platform = "discord";
    private static long s_seed;

    public async Task<Batch> SendAsync(int count, double rate, Population people, Random random, CancellationToken ct)
    {
        var commands = Enumerable.Range(0, count).Select(_ => Build(CommandKind.Pick(random), people.Discord(random), random)).ToList();
        var (lag, achieved) = await OpenLoop.RunAsync(count, rate, i => fake.Gateway.DispatchInteractionAsync(commands[i].Json, commands[i].Id, commands[i].Token), ct);
        return new DiscordBatch(fake.Interactions, commands) { MaxLagMs = lag, AchievedRate = achieved };
    }

    private Outgoing Build(string kind, string userId, Random random)
    {
        var week = Payloads.Option("week", 4, cohort.CurrentWeek);
        var n = Interlocked.Increment(ref s_seed);
        var data = kind switch
        {
            CommandKind.SubmitLink => Data("submit", null, week, Payloads.Option("url", 3, $"https://example.com/proof/d{n}")),
            CommandKind.SubmitImage => Data(
                "submit",
                Payloads.Attachments("900" + n.ToString(CultureInfo.InvariantCulture), "proof.png", fake.CdnUrl(GeneratedImage.Name(n, imageBytes)), imageBytes),
                week,
                Payloads.Option("file", 11, "900" + n.ToString(CultureInfo.InvariantCulture))),
            CommandKind.Rsvp => Data("rsvp", null, Payloads.Option("event", 3, CommandKind.Event(random))),
            _ => Data(kind, null),
        };
        var interaction = Payloads.Interaction(2, data, userId);
        var user = interaction["member"]!["user"]!;
        user["username"] = "user" + userId[^6..];
        user["global_name"] = "Bench " + userId[^6..];
        return new Outgoing(kind, (string)interaction["id"]!, (string)interaction["token"]!, interaction.ToJsonString());
    }

    private static JsonObject Data(string name, JsonObject? resolved, params JsonObject[] options)
    {
        var data = new JsonObject { ["id"] = "400000000000000001", ["name"] = name, ["type"] = 1, ["options"] = new JsonArray([.. options]) };
        if (resolved is not null)
        {
            data["resolved"] = resolved;
        }

        return data;
    }

    private sealed record Outgoing(string Kind, string Id, string Token, string Json);

    private sealed class DiscordBatch(InteractionLedger ledger, IReadOnlyList<Outgoing> commands) : Batch
    {
        public override int Count => commands.Count;

        public override bool Settled() => commands.All(c => ledger.Find(c.Id) is { } t
            && (t.FinalAt is not null || (t.FirstResponseAt is null && t.FirstCallbackAt is not null)));

        public override IReadOnlyList<Sample> Samples() => [.. commands.Select(c =>
        {
            var t = ledger.Find(c.Id);
            double? Ms(long? at) => t is not null && at is { } value ? ledger.Between(t.SentAt, value).TotalMilliseconds : null;
            return new Sample(Platform, c.Kind, Ms(t?.FirstCallbackAt), t?.FirstResponseAt is null ? null : Ms(t.FinalAt),
                t?.Deferred == true, t is not null && (t.ErrorReply || t.DuplicateCallbacks > 0), false);
        })];
    }
}
