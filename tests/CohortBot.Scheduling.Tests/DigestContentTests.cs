using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Digests;
using CohortBot.Core.Exports;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Storage;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Scheduling.Tests;

public sealed class DigestContentTests
{
    private static readonly DateTimeOffset Monday = SampleCohort.Kst(new DateTime(2026, 12, 7, 9, 0, 0));

    [Fact]
    public async Task Digest_ReportsRates_Trend_AtRisk_ReviewBacklog_AndCertificates_WithTheCsv()
    {
        using var folder = new TestFolder();
        var cohort = TwoWeeks(certificate: true);
        cohort.TerminalMembers(["alice", "bob", "carol", "dave"]);
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, Monday);
        var c = await bot.CohortAsync();
        var oldest = await SubmitAsync(bot, c, "alice", 1);
        await SubmitAsync(bot, c, "alice", 2);
        await SubmitAsync(bot, c, "bob", 2);
        await SubmitAsync(bot, c, "carol", 1);
        await bot.Services.GetRequiredService<ISubmissionStore>().RecordCertificateAsync(new NewCertificateSubmission(c.Id, (await bot.ParticipantAsync("bob")).Id, "tf-developer", Monday, "https://example.com/c", null, false), CancellationToken.None);

        var digest = await bot.Services.GetRequiredService<DigestBuilder>().BuildAsync(c, Monday, CancellationToken.None);

        Assert.Contains("Week 2", digest.Text, StringComparison.Ordinal);
        Assert.Contains("2 of 4 submitted (50%), 0 approved (0%), 2 missing.", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Trend, submitted/approved: week 1 50%/0% · week 2 50%/0%", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Waiting for review: 4 weekly proofs, 1 certificate.", digest.Text, StringComparison.Ordinal);
        var alice = await bot.ParticipantAsync("alice");
        Assert.Contains($"w{oldest.Id} from alice (#{alice.Id} · terminal:alice).", digest.Text, StringComparison.Ordinal);
        Assert.Contains("0 approved, 1 waiting, 0 rejected, 3 not submitted", digest.Text, StringComparison.Ordinal);
        var dave = await bot.ParticipantAsync("dave");
        Assert.Equal(("At risk: missed 2 or more weeks in a row up to week 2 (1)", $"dave (#{dave.Id} · terminal:dave): 2 weeks"),
            (digest.Fields[0].Name, digest.Fields[0].Value));
        Assert.Equal(["image/png", "text/csv"], digest.Files.Select(f => f.ContentType));
        Assert.Equal("digest-test-cohort-week2.png", digest.Files[0].FileName);
        Assert.Contains("The chart is in the attached digest-test-cohort-week2.png.", digest.Text, StringComparison.Ordinal);
        var csv = digest.Files[1];
        Assert.Equal("digest-test-cohort-week2.csv", csv.FileName);
        var rows = Csv.Read(Csv.Text(csv.Content));
        Assert.Equal(DigestCsv.Header, rows[0]);
        Assert.Equal(["carol", "dave"], rows.Where(r => r[0] == "missing").Select(r => r[2]));
        Assert.Equal(["dave"], rows.Where(r => r[0] == "at_risk").Select(r => r[2]));
        Assert.Equal("2", rows.Single(r => r[0] == "at_risk")[6]);
    }

    [Fact]
    public async Task Digest_ForTenThousandParticipants_IsOneMessageWithinPlatformLimits_AndItsCsvHasEveryMissingPerson()
    {
        using var folder = new TestFolder();
        var cohort = TwoWeeks(certificate: true);
        cohort.TerminalMembers("organizer");
        // Tuesday: not the scheduled digest's moment (Monday 09:00), so the channel holds only what /digest posts.
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, Monday.AddDays(1));
        var c = await bot.CohortAsync();
        var (missing, atRisk) = await SeedAsync(bot, c, 10_000);

        var reply = await bot.Services.GetRequiredService<CommandRunner>().RunAsync(
            Invocation.Create("digest", new PlatformUser("terminal", "organizer", "organizer")), CancellationToken.None);

        Assert.Equal(ReplyTone.Success, reply.Tone);
        var digest = Assert.Single(bot.Platform.Channel("organizers")).Message;
        Assert.False(digest.Ephemeral);
        Assert.InRange(digest.Title!.Length, 1, 256);
        Assert.InRange(digest.Text.Length, 1, DigestLimits.MaxTextChars);
        Assert.InRange(digest.Fields.Count, 1, DigestLimits.MaxFields);
        Assert.All(digest.Fields, f => Assert.InRange(f.Name.Length, 1, DigestLimits.MaxFieldName));
        Assert.All(digest.Fields, f => Assert.InRange(f.Value.Length, 1, DigestLimits.MaxFieldValue));
        Assert.InRange(digest.Title.Length + digest.Text.Length + digest.Fields.Sum(f => f.Name.Length + f.Value.Length), 1, DigestLimits.MaxTotalChars);
        var risk = digest.Fields[0];
        Assert.Equal($"At risk: missed 2 or more weeks in a row up to week 2 ({atRisk.Count:D})", risk.Name);
        var named = risk.Value.Split('\n');
        Assert.Equal(11, named.Length);
        Assert.Equal($"…and {atRisk.Count - 10} more (in the CSV)", named[^1]);
        Assert.Contains($"{missing.Count} missing.", digest.Text, StringComparison.Ordinal);

        var rows = Csv.Read(Csv.Text(digest.Files.Single(f => f.ContentType == "text/csv").Content));
        Assert.Equal(missing.Order(), rows.Where(r => r[0] == "missing").Select(r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal(atRisk.Order(), rows.Where(r => r[0] == "at_risk").Select(r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task Digest_TellsApartTwoPeopleOfTheSameName()
    {
        using var folder = new TestFolder();
        await using var bot = await BotUnderTest.StartAsync(folder, TwoWeeks(certificate: false), Monday);
        var c = await bot.CohortAsync();
        var directory = bot.Services.GetRequiredService<IParticipantStore>();
        var first = await directory.RegisterAsync(c.Id, new PlatformUser("discord", "81234567890", "Kim Minjun"), Monday, CancellationToken.None);
        var second = await directory.RegisterAsync(c.Id, new PlatformUser("slack", "U0KIM", "Kim Minjun"), Monday, CancellationToken.None);

        var digest = await bot.Services.GetRequiredService<DigestBuilder>().BuildAsync(c, Monday, CancellationToken.None);

        Assert.Equal(
            $"Kim Minjun (#{first.Id} · discord:81234567890): 2 weeks\nKim Minjun (#{second.Id} · slack:U0KIM): 2 weeks",
            digest.Fields[0].Value);
        var rows = Csv.Read(Csv.Text(digest.Files.Single(f => f.ContentType == "text/csv").Content)).Where(r => r[0] == "missing").ToList();
        Assert.Equal([("Kim Minjun", "discord:81234567890"), ("Kim Minjun", "slack:U0KIM")], rows.Select(r => (r[2], r[3])));
    }

    [Fact]
    public async Task Digest_NamesADuplicateProof_AndTheEarlierOneWithTheSameImage()
    {
        using var folder = new TestFolder();
        var cohort = TwoWeeks(certificate: false);
        cohort.TerminalMembers(["alice", "bob"]);
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, Monday);
        var c = await bot.CohortAsync();
        var image = new ProofFile(new string('a', 64), "image/png", 2048);
        var first = await SubmitAsync(bot, c, "alice", 2, image, Monday.AddDays(-3));
        var copy = await SubmitAsync(bot, c, "bob", 2, image, Monday.AddDays(-2));
        var (alice, bob) = (await bot.ParticipantAsync("alice"), await bot.ParticipantAsync("bob"));

        var digest = await bot.Services.GetRequiredService<DigestBuilder>().BuildAsync(c, Monday, CancellationToken.None);

        var duplicates = digest.Fields.Single(f => f.Name.StartsWith("Duplicate proofs", StringComparison.Ordinal));
        Assert.Equal("Duplicate proofs: the same image as an earlier proof (1)", duplicates.Name);
        Assert.Equal($"w{copy.Id} (week 2, bob (#{bob.Id} · terminal:bob)) is a duplicate of w{first.Id} (week 2, alice (#{alice.Id} · terminal:alice))", duplicates.Value);
        var row = Csv.Read(Csv.Text(digest.Files.Single(f => f.ContentType == "text/csv").Content)).Single(r => r[0] == "duplicate");
        Assert.Equal(($"w{copy.Id}", $"w{first.Id}"), (row[7], row[8]));
    }

    private static CohortBuilder TwoWeeks(bool certificate)
    {
        var cohort = certificate ? BotUnderTest.Cohort().Certificate(SampleCohort.Kst(2027, 1, 15, 23, 59), ("tf-developer", "TensorFlow Developer Certificate")) : BotUnderTest.Cohort();
        cohort.Week(1, SampleCohort.Kst(2026, 11, 23, 0, 0), SampleCohort.Kst(2026, 11, 29, 23, 59));
        cohort.Week(2, SampleCohort.Kst(2026, 11, 30, 0, 0), SampleCohort.Kst(2026, 12, 6, 23, 59));
        return cohort;
    }

    private static async Task<Submission> SubmitAsync(BotUnderTest bot, Cohort c, string name, int week, ProofFile? file = null, DateTimeOffset? at = null)
    {
        var weeks = await bot.Services.GetRequiredService<ICohortStore>().WeeksAsync(c.Id, CancellationToken.None);
        return await bot.Services.GetRequiredService<ISubmissionStore>().RecordWeeklyAsync(
            new NewSubmission(c.Id, (await bot.ParticipantAsync(name)).Id, weeks.Single(w => w.Number == week).Id, at ?? Monday.AddDays(-2), file is null ? "https://example.com/p" : null, file, null, false),
            CancellationToken.None);
    }

    /// <summary>
    /// <paramref name="count"/> people in one transaction, half on Discord and half on Slack, some
    /// with long Hangul names: every fourth missed week 2, every eighth weeks 1 and 2.
    /// </summary>
    private static async Task<(List<long> Missing, List<long> AtRisk)> SeedAsync(BotUnderTest bot, Cohort c, int count)
    {
        var weeks = (await bot.Services.GetRequiredService<ICohortStore>().WeeksAsync(c.Id, CancellationToken.None)).OrderBy(w => w.Number).ToList();
        var connections = bot.Services.GetRequiredService<Storage.Database>();
        var created = Monday.AddDays(-30).ToUnixTimeMilliseconds();
        var submitted = Monday.AddDays(-2).ToUnixTimeMilliseconds();
        var ids = await connections.InTransactionAsync(async (db, tx) =>
        {
            var seeded = new List<(long Id, int Index)>();
            for (var i = 0; i < count; i++)
            {
                var name = i % 10 == 0 ? new string('김', 100) : $"p{i % 5000:D5}";
                var id = await Dapper.SqlMapper.ExecuteScalarAsync<long>(db,
                    "INSERT INTO participants (cohort_id, display_name, created_at) VALUES (@cohort, @name, @created) RETURNING id",
                    new { cohort = c.Id, name, created }, tx);
                await Dapper.SqlMapper.ExecuteAsync(db,
                    "INSERT INTO participant_identities (cohort_id, participant_id, platform, platform_user_id) VALUES (@cohort, @id, @platform, @user)",
                    new { cohort = c.Id, id, platform = i % 2 == 0 ? "discord" : "slack", user = i % 2 == 0 ? $"{900000000000000000L + i}" : $"U{i:D8}" }, tx);
                foreach (var week in weeks.Where(w => !(w.Number == 2 && i % 4 == 0) && !(w.Number == 1 && i % 8 == 0)))
                {
                    await Dapper.SqlMapper.ExecuteAsync(db,
                        "INSERT INTO submissions (cohort_id, participant_id, week_id, attempt, submitted_at, url, is_late, status) VALUES (@cohort, @id, @week, 1, @at, 'https://example.com/p', 0, 'pending')",
                        new { cohort = c.Id, id, week = week.Id, at = submitted }, tx);
                }

                seeded.Add((id, i));
            }

            return seeded;
        }, CancellationToken.None);
        var organizer = (await bot.ParticipantAsync("organizer")).Id;
        var missing = ids.Where(x => x.Index % 4 == 0).Select(x => x.Id).Append(organizer).ToList();
        var atRisk = ids.Where(x => x.Index % 8 == 0).Select(x => x.Id).Append(organizer).ToList();
        return (missing, atRisk);
    }
}
