using System.Globalization;
using System.Text.Json.Nodes;
using CohortBot.EndToEnd.Tests.Processes;
using CohortBot.Fakes.Discord;
using CohortBot.Testing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CohortBot.EndToEnd.Tests.KillPoints;

/// <summary>
/// A fake Discord that keeps Discord's rules (a first answer within 3 s, one only, edits after an
/// accepted one), a cohort with a week open now, and the bot's SQLite database in the process
/// world's folder, which outlives every bot process started in it. Answers are counted as the
/// participant sees them.
/// </summary>
internal sealed class KillWorld : IAsyncDisposable
{
    private readonly ProcessWorld _processes;
    private int _users;

    private KillWorld(ProcessWorld processes) => _processes = processes;

    public FakeDiscord Discord => _processes.Discord;

    public string Database => _processes.Folder.File("bot.db");

    /// <summary>The log of every bot process started here, for failure messages.</summary>
    public string Logs => _processes.Logs;

    public IReadOnlyList<string> Settings => [.. _processes.Settings, "--Storage:DatabasePath=" + Database];

    public static async Task<KillWorld> StartAsync()
    {
        var discord = await FakeDiscord.StartAsync();
        discord.Interactions.EnforceRules = true;
        // What these tests prove is durability across kills, on the real clock; the 3-second rule is
        // proven on the fake clock (BurstPastCapacityTests). On a starved CI machine a deferral can
        // come after 3 s, which would fail a round for the wrong reason.
        discord.Interactions.FirstCallbackWindow = TimeSpan.FromSeconds(60);
        discord.IsErrorReply = body => body.Contains("went wrong", StringComparison.Ordinal);
        discord.CdnFiles["proof.png"] = Payloads.Png();
        var world = new KillWorld(new ProcessWorld(discord));
        await File.WriteAllTextAsync(world._processes.CohortFile, CohortAroundNow());
        return world;
    }

    public Task<BotProcess> StartBotAsync() => _processes.StartIdentifiedAsync(Settings);

    /// <summary>Waits for what the bot brings about; on failure, with the log of every bot started here.</summary>
    public Task UntilAsync(BotProcess bot, Func<bool> condition, string what) => _processes.UntilAsync(bot, condition, what);

    /// <summary>A participant of their own per proof, so every count below is about one proof.</summary>
    public string NewUser() => "1900000000000" + Interlocked.Increment(ref _users).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A week-1 proof with a screenshot from the fake CDN (slow while <see cref="FakeDiscord.CdnDelay"/> says so).</summary>
    public static JsonObject ImageProof(string user)
    {
        var attachment = Payloads.NextId();
        var interaction = Payloads.CommandWithResolved("submit", Payloads.Attachments(attachment, "proof.png", "PLACEHOLDER", Payloads.Png().Length),
            Payloads.Option("week", 4, 1), Payloads.Option("file", 11, attachment));
        return WithUser(interaction, user);
    }

    /// <summary>A week-1 proof by link: nothing slow in it.</summary>
    public static JsonObject LinkProof(string user) =>
        WithUser(Payloads.Command("submit", Payloads.Option("week", 4, 1), Payloads.Option("url", 3, "https://example.com/proof/" + user)), user);

    public async Task<string> SendAsync(JsonObject interaction)
    {
        if (interaction["data"]?["resolved"]?["attachments"] is JsonObject attachments)
        {
            foreach (var (_, attachment) in attachments)
            {
                attachment!["url"] = Discord.CdnUrl("proof.png");
                attachment["proxy_url"] = Discord.CdnUrl("proof.png");
            }
        }

        var id = (string)interaction["id"]!;
        await Discord.Gateway.DispatchInteractionAsync(interaction.ToJsonString(), id, (string)interaction["token"]!);
        return id;
    }

    public bool Deferred(string id) => Discord.Interactions.Find(id) is { Deferred: true };

    /// <summary>How many answers the participant sees: the reply, or the deferred message once edited, and direct messages.</summary>
    public int AnswersSeenBy(string user, string id)
    {
        var timing = Discord.Interactions.Find(id);
        var edits = timing is null ? 0 : Discord.Requests.Count(r => r.Method == "PATCH" && r.Path.Contains(timing.Token, StringComparison.Ordinal));
        var inThread = timing?.FirstResponseType switch
        {
            4 or 9 => 1,
            5 when edits > 0 => 1,
            _ => 0,
        };
        return inThread + DirectMessagesTo(user);
    }

    public int EditsOf(string id) => Discord.Interactions.Find(id) is { } timing
        ? Discord.Requests.Count(r => r.Method == "PATCH" && r.Path.Contains(timing.Token, StringComparison.Ordinal))
        : 0;

    public bool Answered(string user, string id) => AnswersSeenBy(user, id) > 0;

    public bool ErrorShown(string id) => Discord.Interactions.Find(id) is { ErrorReply: true };

    public int DirectMessagesTo(string user) =>
        Discord.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith($"/channels/55{user}/messages", StringComparison.Ordinal));

    /// <summary>Proofs stored for the participant (every attempt), read from the bot's own database file.</summary>
    public async Task<long> ProofsOfAsync(string user)
    {
        await using var db = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        return await db.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM submissions s JOIN participant_identities i ON i.participant_id = s.participant_id
            WHERE i.platform = 'discord' AND i.platform_user_id = @user
            """, new { user });
    }

    public ValueTask DisposeAsync() => _processes.DisposeAsync();

    private static JsonObject WithUser(JsonObject interaction, string user)
    {
        interaction["member"]!["user"]!["id"] = user;
        interaction["member"]!["user"]!["global_name"] = "Participant " + user[^5..];
        return interaction;
    }

    private static string CohortAroundNow()
    {
        var now = DateTimeOffset.UtcNow;
        var cohort = CohortBuilder.AroundDay(now, "kill-points", "Kill Points");
        var certificates = cohort.At(TimeZoneInfo.ConvertTime(now, CohortBuilder.Seoul).Date.AddDays(50).AddHours(23).AddMinutes(59));
        return cohort.Certificate(certificates, ("tf-developer", "TensorFlow Developer Certificate")).ToYaml();
    }
}
