using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Completion;
using CohortBot.Core.Digests;
using CohortBot.Core.Exports;
using CohortBot.Core.Time;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

/// <summary>
/// A participant's extension and excused week are one fact, seen the same way by chat, the
/// calendar, the digest and exports.
/// </summary>
public sealed class OwnDeadlinesTests
{
    private static readonly CompletionRules Rules = new(MaxExcusedWeeks: 2, MaxMissedWeeks: 0, LateProofsCount: true, CertificateRequired: true, MinEventsAttended: 0);

    private static readonly DateTimeOffset Week2Own = SampleCohort.Kst("2026-10-01 23:59");
    private static readonly DateTimeOffset CertificateOwn = SampleCohort.Kst("2026-12-13 23:59");

    [Fact]
    public async Task Deadlines_ShowTheExtension_TheExcusedWeek_AndTheOwnCertificateDate()
    {
        await using var f = await WithAllowancesAsync();

        var reply = await f.TypeAsync("minjun", "/deadlines");

        var week2 = reply.Fields.Single(x => x.Name == "Week 2: Week two").Value;
        Assert.StartsWith($"Due {TimeMarkup.Token(Week2Own)} ({TimeMarkup.Token(Week2Own, TimeStyle.Relative)}, extended for you): not submitted yet", week2, StringComparison.Ordinal);
        Assert.Contains(TimeMarkup.Token(CertificateOwn), reply.Fields.Single(x => x.Name == "Certificate").Value, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Fields, x => x.Name.StartsWith("Overdue", StringComparison.Ordinal));

        var others = await f.TypeAsync("seoyeon", "/deadlines");
        Assert.Equal("Weeks 2", others.Fields.Single(x => x.Name.StartsWith("Overdue", StringComparison.Ordinal)).Value);
        Assert.DoesNotContain(others.Fields, x => x.Name == "Week 2: Week two");
    }

    [Fact]
    public async Task Progress_ShowsTheExcusedWeek_AndTheExtendedDeadline()
    {
        await using var f = await WithAllowancesAsync();

        var reply = await f.TypeAsync("minjun", "/progress");

        var weeks = reply.Fields[0];
        Assert.Equal("Weeks (0/2 submitted)", weeks.Name);
        Assert.Equal(
            $"Week 1: excused, no proof needed\nWeek 2: not submitted yet (your deadline: {TimeMarkup.Token(Week2Own)})\nWeek 3: not submitted yet",
            weeks.Value);
        Assert.Equal($"not submitted yet (due {TimeMarkup.Token(CertificateOwn)}, extended for you)", reply.Fields[1].Value);

        var others = await f.TypeAsync("seoyeon", "/progress");
        Assert.Equal("Week 1: missing\nWeek 2: missing\nWeek 3: not submitted yet", others.Fields[0].Value);
    }

    [Fact]
    public async Task Digest_DoesNotCallAnExcusedOrStillExtendedParticipantMissing()
    {
        await using var f = await WithAllowancesAsync();
        await using var scope = f.Services.CreateAsyncScope();
        var cohort = (await f.Get<ICohortStore>().FindAsync("test-cohort", CancellationToken.None))!;

        var digest = await f.Get<DigestBuilder>().BuildAsync(cohort, f.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Contains("Week 2 (due", digest.Text, StringComparison.Ordinal);
        Assert.Contains("3 missing.", digest.Text, StringComparison.Ordinal);
        var rows = Csv.Read(Csv.Text(Assert.Single(digest.Files).Content));
        Assert.Equal(3, rows.Count(r => r[0] == "missing"));
        Assert.DoesNotContain(rows, r => r[2] == "김민준");
        Assert.DoesNotContain("김민준", digest.Fields.Single(x => x.Name.StartsWith("At risk", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantsExport_AgreesWithChat()
    {
        await using var f = await WithAllowancesAsync();

        var rows = Csv.Read(Csv.Encoding.GetString(Assert.Single((await f.RunAsync(OrgA, "export", ("kind", "participants"))).Files).Content));

        var header = rows[0].ToList();
        var minjun = rows.Single(r => r[1] == "김민준");
        var seoyeon = rows.Single(r => r[1] == "이서연");
        Assert.Equal(("excused", "due"), (minjun[header.IndexOf("week_1")], minjun[header.IndexOf("week_2")]));
        Assert.Equal(("missing", "missing"), (seoyeon[header.IndexOf("week_1")], seoyeon[header.IndexOf("week_2")]));
    }

    [Fact]
    public async Task RejectedProof_OfAnExtendedWeek_MayBeResentUntilTheirOwnClose()
    {
        await using var f = await CreateAsync(configure: s => s.AddSingleton(Rules));
        var own = SampleCohort.Kst("2026-10-05 23:59");
        await f.TypeAsync(OrgA, "/extend week:1 until:\"2026-10-05 23:59\" participant:terminal:minjun");
        f.At("2026-09-15 10:00");
        await f.RunAsync("minjun", "submit", ("week", 1L), ("url", "https://example.com/m"));
        f.Dms.Clear();

        await f.TypeAsync(OrgA, "/review");
        await f.TypeAsync(OrgA, "/reject proof:w1 reason:blurry");

        Assert.Contains($"before {TimeMarkup.Token(own)}.", Assert.Single(f.Dms.To("minjun")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtendForOne_MustBeLaterThanTheirOwnDeadline_NotJustTheCohorts()
    {
        await using var f = await CreateAsync();
        await f.TypeAsync(OrgA, "/extend week:1 until:\"2026-10-05 23:59\" participant:terminal:minjun");

        var earlier = await f.TypeAsync(OrgA, "/extend week:1 until:\"2026-10-02 23:59\" participant:terminal:minjun");

        Assert.Equal(ReplyTone.Error, earlier.Tone);
        Assert.Equal($"The new deadline must be later than the current one ({TimeMarkup.Token(SampleCohort.Kst("2026-10-05 23:59"))}).", earlier.Text);
    }

    [Fact]
    public async Task WeekSuggestions_OfferAWeekStillOpenOnlyForThem()
    {
        await using var f = await CreateAsync();
        await f.TypeAsync(OrgA, "/extend week:1 until:\"2026-10-05 23:59\" participant:terminal:minjun");
        f.At("2026-09-29 10:00"); // week 1 closed for the cohort on 09-27

        await using var scope = f.Services.CreateAsyncScope();
        var choices = scope.ServiceProvider.GetRequiredService<ChoiceProvider>();
        var mine = await choices.SuggestAsync(Invocation.Create("submit", User("minjun")), OptionChoices.Weeks, null, CancellationToken.None);
        var theirs = await choices.SuggestAsync(Invocation.Create("submit", User("seoyeon")), OptionChoices.Weeks, null, CancellationToken.None);

        Assert.Contains(mine, c => c.Value == "1");
        Assert.DoesNotContain(theirs, c => c.Value == "1");
    }

    /// <summary>Minjun: week 2 extended to 10-01, week 1 excused, certificate extended to 12-13; it is Monday 09-28, after weeks 1 and 2 closed for the cohort.</summary>
    private static async Task<OrganizerFixture> WithAllowancesAsync()
    {
        var f = await CreateAsync(configure: s => s.AddSingleton(Rules));
        await f.TypeAsync(OrgA, "/extend week:2 until:\"2026-10-01 23:59\" participant:terminal:minjun");
        await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:1");
        await f.TypeAsync(OrgA, "/extend week:certificate until:\"2026-12-13 23:59\" participant:terminal:minjun");
        f.At("2026-09-28 10:00");
        return f;
    }
}
