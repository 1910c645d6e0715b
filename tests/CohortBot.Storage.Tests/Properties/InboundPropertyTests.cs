using CohortBot.Storage;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CohortBot.Core.Commands;
using CohortBot.Core.Flood;
using CohortBot.Core.Messages;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;
using CohortBot.Core.Roster;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Storage.Tests.Properties;

/// <summary>
/// Property tests over the inbound paths every adapter shares: the text parser, option binding and
/// the dispatcher on a real SQLite file. Seeded (a failure prints the case's seed, and the runs are
/// the same every time); run counts keep each property to a second or two.
/// </summary>
public sealed partial class InboundPropertyTests
{

    private static readonly string[] Apologies = ["something went wrong", "문제가 생겼어요"];

    [Fact]
    public void TextParser_AnyLine_NeverThrows_AndEitherParsesOrNamesTheProblem()
    {
        var commands = Catalogue.All.Select(c => c.Name).ToArray();
        Cases.Run(400, seed =>
        {
            var h = new HostileText(seed);
            var line = (h.Chance(0.7) ? "/" + h.Pick(commands) : h.Text()) + string.Concat(Enumerable.Range(0, h.Next(6)).Select(_ => " " + h.Text()));
            var parsed = TextCommandParser.Parse(line);
            Assert.True(parsed.Command is not null || parsed.Error is not null, line);
            foreach (var command in Catalogue.All)
            {
                _ = TextCommandParser.ParseArguments(command, line);
            }
        });
    }

    [Fact]
    public void RosterCsv_AnyText_NeverThrows_AndEveryProblemHasBothLanguages()
    {
        var texts = new MessageCatalogue();
        Cases.Run(300, seed =>
        {
            var h = new HostileText(seed);
            var lines = Enumerable.Range(0, h.Next(8)).Select(_ => string.Join(h.Pick([",", ";", "\t", "\",\""]), Enumerable.Range(0, h.Next(5)).Select(_ => h.Text())));
            var (_, errors) = RosterCsv.Parse((h.Chance(0.5) ? "name,email,discord,slack\n" : "") + string.Join(h.Pick(["\n", "\r\n", "\r"]), lines));
            foreach (var error in errors)
            {
                Assert.DoesNotContain(error.Key, texts.For("ko")[error.Key, error.Args], StringComparison.Ordinal);
                Assert.DoesNotContain(error.Key, texts.For("en")[error.Key, error.Args], StringComparison.Ordinal);
            }
        });
    }

    /// <summary>
    /// Any command with any options of any type, from a participant (in English or Korean) or an
    /// organizer: no exception reaches the generic apology, a Korean reader's refusal is in Korean,
    /// and a refused command changes nothing in any table or the proof folder.
    /// </summary>
    [Fact]
    public async Task Dispatcher_AnyInvocation_AnswersInTheReadersLanguage_AndARefusalStoresNothing()
    {
        var log = new CapturingLogger();
        await using var services = await CohortServices.StartAsync(s =>
        {
            log.Install(s);
            s.Configure<OrganizerOptions>(o => o.Platforms["test"] = new OrganizerSet { Users = { "org" } });
            s.Configure<FloodOptions>(o => o.ExemptPlatforms = ["test"]);
        });
        PlatformUser[] users = [new("test", "p-en", "Pat", "en"), new("test", "p-ko", "민지", "ko"), new("test", "org", "Org", "en")];
        foreach (var user in users)
        {
            await services.Get<CommandRunner>().RunAsync(Invocation.Create("progress", user), default);
        }

        var commands = Catalogue.All.ToArray();
        await Cases.RunAsync(150, async seed =>
        {
            var h = new HostileText(seed);
            var user = h.Pick(users);
            var command = h.Chance(0.9) ? h.Pick(commands) : null;
            var options = new List<(string, object?)>();
            for (var n = h.Next(5); n > 0; n--)
            {
                var name = command is { Options.Count: > 0 } && h.Chance(0.8) ? h.Pick(command.Options).Name : h.Text();
                if (options.Any(o => o.Item1 == name))
                {
                    continue; // an invocation carries each name once; repeats are the parsers' to refuse
                }

                options.Add((name, h.Next(6) switch
                {
                    0 => h.Number(),
                    1 => (long)h.Pick<long>([0, -1, 1, 2, 3, 1000, 1001, long.MaxValue, long.MinValue, int.MaxValue + 1L]),
                    2 => h.Chance(0.5),
                    3 => InvocationAttachment.FromBytes(h.Chance(0.8) ? "p.png" : h.Text(), h.Bytes()),
                    4 => null,
                    _ => h.Text(),
                }));
            }

            // The first contact registers the caller (while registration is open) whatever they typed:
            // that is talking to the bot, not the command's effect. A case after /forget starts from a
            // registered caller again, so what the property checks is the command alone.
            await services.Get<CommandRunner>().RunAsync(Invocation.Create("progress", user), default);
            var before = await FingerprintAsync(services);
            var reply = await services.Get<CommandRunner>().RunAsync(Invocation.Create(command?.Name ?? h.Text(), user, [.. options]), default);

            Assert.False(Apologies.Any(a => reply.Text.Contains(a, StringComparison.Ordinal)), $"{command?.Name}: {reply.Text}\n{string.Join('\n', log.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)))}");
            Assert.False(string.IsNullOrWhiteSpace(reply.Text));
            if (user.Locale == "ko" && reply.Tone == ReplyTone.Error)
            {
                Assert.Matches(Hangul(), reply.Text);
            }

            if (reply.Tone == ReplyTone.Error)
            {
                var after = await FingerprintAsync(services);
                Assert.True(before == after, $"/{command?.Name} was refused ({reply.Text}) but changed what is stored: {string.Join(", ", after.Split(' ').Except(before.Split(' ')))}");
            }
        });
    }

    /// <summary>A valid proof with any link and note: accepted, shown by /progress, and in the submissions export.</summary>
    [Fact]
    public async Task ValidSubmit_RoundTripsThroughProgressAndTheExport()
    {
        await using var services = await CohortServices.StartAsync(s =>
        {
            s.Configure<OrganizerOptions>(o => o.Platforms["test"] = new OrganizerSet { Users = { "org" } });
            s.Configure<FloodOptions>(o => o.ExemptPlatforms = ["test"]); // one organizer exports after every case
        });
        var org = new PlatformUser("test", "org", "Org");
        await Cases.RunAsync(40, async seed =>
        {
            var h = new HostileText(seed);
            var user = new PlatformUser("test", "u" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture), h.Text(), h.Pick<string?>([null, "en", "ko", h.Text()]));
            var text = h.Text();
            var path = string.Concat(Encoding.UTF8.GetBytes(text[..Math.Min(text.Length, 100)]).Select(b => "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
            var url = $"https://coursera.org/verify/{path}";
            var week = h.Pick<long>([1, 2]);

            var reply = await services.Get<CommandRunner>().RunAsync(Invocation.Create("submit", user, ("week", week), ("url", url), ("note", Clip(h.Text(), 300))), default);

            Assert.True(reply.Tone is ReplyTone.Success or ReplyTone.Warning, reply.Text);
            Assert.True(ProofUrl.TryNormalize(url, out var stored));
            var progress = await services.Get<CommandRunner>().RunAsync(Invocation.Create("progress", user), default);
            Assert.Contains(progress.Fields, f => f.Value.Contains(week == 2 ? "2" : "1", StringComparison.Ordinal));
            var export = await services.Get<CommandRunner>().RunAsync(Invocation.Create("export", org, ("kind", "submissions")), default);
            Assert.Contains(stored!, Encoding.UTF8.GetString(Assert.Single(export.Files).Content), StringComparison.Ordinal);
        });
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Each table's rows and the proof folder's files, hashed apart so a difference names what changed.</summary>
    private static async Task<string> FingerprintAsync(CohortServices services)
    {
        var parts = new List<string>();
        await using var db = await services.Get<Database>().OpenAsync(default);
        foreach (var table in await db.QueryAsync<string>($"SELECT name FROM ({TestStorage.TableNames(services.Get<Database>().Dialect)}) AS t WHERE name <> 'schema_migrations' ORDER BY name"))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            await using var rows = await cmd.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(rows.GetValue(i) + "|"));
                }
            }

            parts.Add(table + "=" + Convert.ToHexString(hash.GetHashAndReset())[..8]);
        }

        var proofs = Path.Combine(services.Folder, "proofs");
        var files = Directory.Exists(proofs) ? Directory.GetFiles(proofs, "*", SearchOption.AllDirectories).Order() : Enumerable.Empty<string>();
        parts.Add("proof files=" + string.Join(",", files.Select(Path.GetFileName)));
        return string.Join(" ", parts);
    }

    [GeneratedRegex(@"[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();
}
