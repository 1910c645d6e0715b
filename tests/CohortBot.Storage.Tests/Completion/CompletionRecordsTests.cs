using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Participants;
using CohortBot.Testing;
using static CohortBot.Testing.SampleCohort;

namespace CohortBot.Storage.Tests.Completion;

/// <summary>Some participants' records (a page of the dashboard's grid) are exactly their part of the whole cohort's read.</summary>
public sealed class CompletionRecordsTests(SeededHistory seeded) : IClassFixture<SeededHistory>
{
    [Fact]
    public async Task SomeParticipantsRecords_AreTheirPartOfTheWholeRead()
    {
        var records = seeded.Services.Get<ICompletionRecords>();
        var whole = (await records.LoadAsync(seeded.Cohort.Id, CancellationToken.None)).ToDictionary(r => r.Participant.Id);
        var ids = whole.Keys.Where((_, i) => i % 3 != 1).ToList();

        var some = await records.LoadAsync(seeded.Cohort.Id, [.. ids, ids[0], 999_999], CancellationToken.None);

        Assert.Equal(ids.Order(), some.Select(r => r.Participant.Id).Order());
        Assert.Equal(ids.Select(id => Describe(whole[id])).Order(StringComparer.Ordinal), some.Select(Describe).Order(StringComparer.Ordinal));
        // About something: the part read holds late, rejected and resubmitted proofs, excuses, extensions, certificates, handles.
        Assert.Contains(some, r => r.ExcusedWeekIds.Count > 0);
        Assert.Contains(some, r => r.WeekExtensions.Count > 0);
        Assert.Contains(some, r => r.LatestCertificate is { Attempt: > 1 });
        Assert.Contains(some, r => r.LatestWeekly.Values.Any(s => s.Attempt > 1));
        Assert.All(some, r => Assert.NotNull(r.Participant.Handle));
    }

    [Fact]
    public async Task Participants_AreEveryoneOfTheCohort_ActiveAndDropped_WithoutTheirRecords()
    {
        var records = seeded.Services.Get<ICompletionRecords>();
        var whole = await records.LoadAsync(seeded.Cohort.Id, CancellationToken.None);

        var people = await records.ParticipantsAsync(seeded.Cohort.Id, CancellationToken.None);

        Assert.Equal(whole.Select(r => r.Participant with { Handle = null }), people);
        Assert.Contains(people, p => p.Status == ParticipantStatus.Dropped);
        Assert.Equal(SeededHistory.People, people.Count);
    }

    [Fact]
    public async Task AnotherCohortsParticipants_AreLeftOut_AndNoIdsReadNothing()
    {
        await using var services = await CohortServices.StartAsync();
        var cohorts = services.Get<ICohortStore>();
        var ours = (await cohorts.FindAsync("test-cohort", CancellationToken.None))!;
        await cohorts.SyncAsync(Definition(d => d with { Slug = "other-cohort", Name = "Other" }), services.Clock.GetUtcNow(), CancellationToken.None);
        var other = (await cohorts.FindAsync("other-cohort", CancellationToken.None))!;
        var directory = services.Get<IParticipantStore>();
        var ann = await directory.RegisterAsync(ours.Id, new PlatformUser("terminal", "ann", "ann"), Now, CancellationToken.None);
        var bob = await directory.RegisterAsync(other.Id, new PlatformUser("terminal", "bob", "bob"), Now, CancellationToken.None);
        var records = services.Get<ICompletionRecords>();

        Assert.Equal([ann.Id], (await records.LoadAsync(ours.Id, [ann.Id, bob.Id], CancellationToken.None)).Select(r => r.Participant.Id));
        Assert.Equal([bob.Id], (await records.LoadAsync(other.Id, [ann.Id, bob.Id], CancellationToken.None)).Select(r => r.Participant.Id));
        Assert.Empty(await records.LoadAsync(ours.Id, [], CancellationToken.None));
        Assert.Equal([ann.Id], (await records.ParticipantsAsync(ours.Id, CancellationToken.None)).Select(p => p.Id));
    }

    private static string Describe(ParticipantRecord r) => string.Join(" | ",
        r.Participant,
        string.Join(",", r.LatestWeekly.OrderBy(w => w.Key).Select(w => $"{w.Key}={w.Value}")),
        r.LatestCertificate?.ToString() ?? "-",
        string.Join(",", r.ExcusedWeekIds.Order()),
        string.Join(",", r.WeekExtensions.OrderBy(e => e.Key).Select(e => $"{e.Key}={e.Value:O}")),
        r.CertificateExtension?.ToString("O") ?? "-",
        r.EventsAttended);
}
