using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CohortBot.Core.Reminders;
using CohortBot.Core.Schedules;
using CohortBot.EndToEnd.Tests.Processes;
using CohortBot.Fakes;
using CohortBot.Fakes.Discord;
using CohortBot.Fakes.Slack;
using CohortBot.Testing;
using Dapper;
using Npgsql;
using NSec.Cryptography;
using DiscordPayloads = CohortBot.Fakes.Discord.Payloads;
using SlackPayloads = CohortBot.Fakes.Slack.Payloads;

namespace CohortBot.EndToEnd.Tests.ScaleOut;

/// <summary>
/// What several bot instances share: one PostgreSQL database, one fake Discord and one fake Slack
/// (on the real clock, as the processes run on it), one cohort file and one proof folder. The
/// cohort's week-1 deadline is a few minutes ahead, with two reminders before it: the first due
/// <see cref="FirstReminderAfter"/> after the world starts, the second <see cref="SecondReminderAfter"/>.
/// Six participants, reminded in roster order: one on Slack, three on Discord, two more on Slack.
/// </summary>
internal sealed partial class ClusterWorld : IAsyncDisposable
{
    public static readonly TimeSpan FirstReminderAfter = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan SecondReminderAfter = TimeSpan.FromSeconds(25);

    public static readonly IReadOnlyList<string> DiscordPeople = ["300000000000000001", "300000000000000002", "300000000000000003"];

    /// <summary>Everyone, in the order a fan-out reaches them (the roster's).</summary>
    public static readonly IReadOnlyList<(string Platform, string Id)> Roster =
        [("slack", "US1"), ("discord", DiscordPeople[0]), ("discord", DiscordPeople[1]), ("discord", DiscordPeople[2]), ("slack", "US2"), ("slack", "US3")];

    private readonly ProcessWorld _processes;
    private readonly Key _signing = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    private ClusterWorld(FakeDiscord discord, FakeSlack slack, DateTimeOffset deadline, DateTimeOffset started)
    {
        _processes = new ProcessWorld(discord, slack.Changed);
        Slack = slack;
        Deadline = deadline;
        FirstOffset = deadline - (started + FirstReminderAfter);
        SecondOffset = deadline - (started + SecondReminderAfter);
    }

    public FakeDiscord Discord => _processes.Discord;

    public FakeSlack Slack { get; }

    public DateTimeOffset Deadline { get; }

    /// <summary>How long before the deadline each reminder goes out (whole seconds, so the moment names are exact).</summary>
    public TimeSpan FirstOffset { get; }

    public TimeSpan SecondOffset { get; }

    public string Logs => _processes.Logs;

    public IReadOnlyList<string> Settings =>
    [
        .. _processes.Settings,
        "--Storage:Provider=postgres",
        // The test holds a claim open for as long as it takes the second instance to start and the second
        // reminder to go out; an instance waiting on it must not give up after Npgsql's default 30 s.
        "--Storage:ConnectionString=" + Database + ";Command Timeout=300",
        "--Logging:LogLevel:Default=Information",
        "--Logging:LogLevel:Microsoft=Warning",
        "--Logging:LogLevel:Quartz=Warning",
        "--Discord:PublicKey=" + Convert.ToHexStringLower(_signing.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        "--Discord:HttpInteractions:Enabled=true",
        "--Discord:HttpInteractions:Urls=http://127.0.0.1:0",
        "--Slack:AppToken=" + FakeSlack.AppToken,
        "--Slack:BotToken=" + FakeSlack.BotToken,
        "--Slack:ApiBaseUrl=" + Slack.ApiBase,
        "--Organizers:discord:Users:0=" + DiscordPayloads.UserId,
        "--Schedules:DeadlineOffsets:0=" + FirstOffset.ToString("c", CultureInfo.InvariantCulture),
        "--Schedules:DeadlineOffsets:1=" + SecondOffset.ToString("c", CultureInfo.InvariantCulture),
        "--Schedules:DigestCron=0 0 9 1 1 ? 2099",
        // One recipient at a time, in roster order: a held claim holds the rest of the fan-out behind it.
        "--Schedules:FanOutConcurrency=1",
        // A dead instance is found within seconds (Quartz adds 7.5 s to the check-in), not 20 s.
        "--Schedules:ClusterCheckinInterval=00:00:02",
        "--Inbound:SweepInterval=00:00:01",
    ];

    /// <summary>The instances' PostgreSQL database, the process world's own (dropped with its folder).</summary>
    private string Database => _processes.Folder.PostgresDatabase();

    public static async Task<ClusterWorld> StartAsync()
    {
        var discord = await FakeDiscord.StartAsync();
        // Discord's own heartbeat interval: with the fake's 1 s, a starved machine can delay one ACK past
        // the next beat, and the instance would drop its connection as a zombie and connect again.
        discord.Gateway.HeartbeatIntervalMs = 41_250;
        var slack = await FakeSlack.StartAsync();
        discord.CdnFiles["proof.png"] = DiscordPayloads.Png();
        discord.IsErrorReply = body => body.Contains("went wrong", StringComparison.Ordinal);
        var now = DateTimeOffset.UtcNow;
        var started = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var deadline = new DateTimeOffset(started.UtcTicks - (started.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(4);
        var world = new ClusterWorld(discord, slack, deadline, started);
        await File.WriteAllTextAsync(world._processes.CohortFile, Cohort(deadline));
        return world;
    }

    /// <summary>The name a reminder's runs are logged under, up to the moment's end: <c>…|{seconds}</c>.</summary>
    public static string MomentName(TimeSpan offset) => "|" + ((long)offset.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The first start, as a deployment makes it: the host with the terminal adapter only and its
    /// input closed migrates the database, imports the cohort file and its roster, and exits (no
    /// reminder falls due while it runs: its one offset is a second before the deadline).
    /// </summary>
    public Task ImportAsync() => _processes.RunToEndAsync(
    [
        .. Settings.Where(a => !a.StartsWith("--Discord:", StringComparison.Ordinal) && !a.StartsWith("--Slack:", StringComparison.Ordinal)
            && !a.StartsWith("--Schedules:DeadlineOffsets", StringComparison.Ordinal) && !a.StartsWith("--Terminal:", StringComparison.Ordinal)),
        "--Terminal:Enabled=true",
        "--Terminal:ExitOnEndOfInput=true",
        "--Schedules:DeadlineOffsets:0=00:00:01",
    ]);

    /// <summary>
    /// Holds one participant's claim on a reminder as another instance's open transaction would: a
    /// row with its ledger key, inserted and not committed. An instance that claims the same key waits
    /// for it, in the middle of its fan-out, until the hold is rolled back.
    /// </summary>
    public async Task<NpgsqlTransaction> HoldReminderAsync(string discordUser, TimeSpan offset)
    {
        var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        var cohortId = await connection.ExecuteScalarAsync<long>("SELECT id FROM cohorts WHERE slug = 'two-instances'");
        var participantId = await connection.ExecuteScalarAsync<long>(
            "SELECT participant_id FROM participant_identities WHERE platform = 'discord' AND platform_user_id = @discordUser", new { discordUser });
        var moment = new ScheduledMoment(MomentKind.DeadlineReminder, cohortId, ScheduledMoment.WeekPrefix + "1", Deadline, offset);
        var key = moment.JobKey.ForRecipient(ReminderDelivery.RecipientOf(participantId, "discord"));
        var hold = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO outbox (cohort_id, kind, subject, recipient, offset_ms, due_at, status, claimed_by, updated_at)
            VALUES (@cohortId, @Kind, @Subject, @Recipient, @offsetMs, 0, 'claimed', 'held-by-the-test', 0)
            """,
            new { cohortId, key.Kind, key.Subject, key.Recipient, offsetMs = (long)offset.TotalMilliseconds },
            hold);
        return hold;
    }

    /// <summary>Starts one instance and waits until <paramref name="ready"/> holds for it.</summary>
    public Task<BotProcess> StartInstanceAsync(Func<BotProcess, bool> ready, string what) => _processes.StartAsync(Settings, ready, what);

    /// <summary>Waits as <see cref="BotProcess.UntilAsync"/> does, also at every instance's log lines; on failure, with every log.</summary>
    public Task UntilAsync(BotProcess bot, Func<bool> condition, string what, params Pulse[] more) => _processes.UntilAsync(bot, condition, what, more);

    /// <summary>The instance's Discord HTTP interactions endpoint, from its log (it listens on a port of its own choosing).</summary>
    public static Uri? Endpoint(BotProcess bot) =>
        bot.Lines.Select(l => Listening().Match(l)).FirstOrDefault(m => m.Success) is { } m ? new Uri(m.Groups[1].Value) : null;

    /// <summary>Posts a signed interaction to one instance's endpoint, as Discord does; returns the status code.</summary>
    public async Task<int> PostInteractionAsync(Uri endpoint, JsonObject interaction)
    {
        var body = Encoding.UTF8.GetBytes(interaction.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_signing, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/interactions")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        Discord.Interactions.Sent((string)interaction["id"]!, (string)interaction["token"]!);
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>/deadlines by a participant (a command by someone not on the roster would register them, and they would be reminded too).</summary>
    public static JsonObject Deadlines(string user)
    {
        var interaction = DiscordPayloads.Command("deadlines");
        interaction["member"]!["user"]!["id"] = user;
        return interaction;
    }

    /// <summary>A certificate proof with a screenshot from the fake CDN: it does not change who is reminded of week 1.</summary>
    public JsonObject CertificateWithImage(string user)
    {
        var attachment = DiscordPayloads.NextId();
        var interaction = DiscordPayloads.CommandWithResolved("cert", DiscordPayloads.Attachments(attachment, "proof.png", Discord.CdnUrl("proof.png"), DiscordPayloads.Png().Length),
            DiscordPayloads.Option("type", 3, "tf-developer"), DiscordPayloads.Option("url", 3, "https://example.com/credential/" + user), DiscordPayloads.Option("file", 11, attachment));
        interaction["member"]!["user"]!["id"] = user;
        if (interaction["data"]?["resolved"]?["attachments"] is JsonObject attachments)
        {
            foreach (var (_, item) in attachments)
            {
                item!["proxy_url"] = Discord.CdnUrl("proof.png");
            }
        }

        return interaction;
    }

    /// <summary>A slash command on one Socket Mode connection; returns the envelope id.</summary>
    public Task<string> SlashAsync(FakeSocket socket, string text, string user, string responseId) =>
        socket.SendEnvelopeAsync("slash_commands", SlackPayloads.Slash(Slack, text, user, responseId), acceptsResponsePayload: true);

    /// <summary>Direct messages (reminders) each participant got, on their platform, as the fakes saw them.</summary>
    public IReadOnlyDictionary<string, int> DirectMessages() => Roster.ToDictionary(p => p.Id, p => p.Platform == "discord"
        ? Discord.Requests.Count(r => r.Method == "POST" && r.ApiPath == $"/channels/55{p.Id}/messages")
        : Slack.CallsTo("chat.postMessage").Count(c => (string?)c.Parameters["channel"] == "D" + p.Id));

    public async ValueTask DisposeAsync()
    {
        await _processes.DisposeAsync();
        await Slack.DisposeAsync();
        _signing.Dispose();
    }

    private static string Cohort(DateTimeOffset deadline)
    {
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, seoul).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var roster = string.Concat(Roster.Select((p, i) => $"  - name: Participant {i + 1}\n    {p.Platform}: \"{p.Id}\"\n"));
        return $"""
            cohort:
              id: two-instances
              name: Two Instances
              time_zone: Asia/Seoul
              starts: {Local(deadline.AddDays(-10))}
              ends: {Local(deadline.AddDays(60))}
            weeks:
              - number: 1
                title: Course 1
                opens: {Local(deadline.AddDays(-3))}
                deadline: {Local(deadline)}
            certificates:
              deadline: {Local(deadline.AddDays(50))}
              allowed:
                - id: tf-developer
                  name: TensorFlow Developer Certificate
            roster:
            {roster}
            """;
    }

    [GeneratedRegex(@"endpoint listening on (http://[0-9.:]+)")]
    private static partial Regex Listening();
}
