using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Participants;
using CohortBot.Testing;

namespace CohortBot.Storage.Tests;

public sealed class RsvpStoreTests
{
    [Fact]
    public async Task Rsvp_FullOfficeHour_WaitlistsInOrderAndPromotesOnCancel()
    {
        await using var services = await CohortServices.StartAsync();
        var (events, officeHour, ids) = await SetUpAsync(services, "a", "b", "c", "d");

        Assert.Equal(RsvpStatus.Going, (await events.RsvpAsync(officeHour, ids[0], services.Clock.GetUtcNow(), default)).Status);
        Assert.Equal(RsvpStatus.Going, (await events.RsvpAsync(officeHour, ids[1], services.Clock.GetUtcNow(), default)).Status);
        services.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await events.RsvpAsync(officeHour, ids[2], services.Clock.GetUtcNow(), default);
        services.Clock.Advance(TimeSpan.FromMinutes(1));
        var fourth = await events.RsvpAsync(officeHour, ids[3], services.Clock.GetUtcNow(), default);
        Assert.Equal((RsvpStatus.Waitlisted, 1), (third.Status, third.WaitlistPosition));
        Assert.Equal((RsvpStatus.Waitlisted, 2), (fourth.Status, fourth.WaitlistPosition));

        var cancel = await events.CancelRsvpAsync(officeHour, ids[0], services.Clock.GetUtcNow(), default);
        Assert.Equal(RsvpStatus.Going, cancel.Cancelled);
        Assert.Equal([ids[2]], cancel.Promoted);

        var seats = await events.SeatsAsync([officeHour.Id], default);
        Assert.Equal((2, 1), (seats[officeHour.Id].Going, seats[officeHour.Id].Waitlisted));
        var fourthNow = Assert.Single(await events.RsvpsOfAsync(ids[3], default));
        Assert.Equal((RsvpStatus.Waitlisted, 1), (fourthNow.Status, fourthNow.WaitlistPosition));
    }

    [Fact]
    public async Task Cancel_Waitlisted_PromotesNobody()
    {
        await using var services = await CohortServices.StartAsync();
        var (events, officeHour, ids) = await SetUpAsync(services, "a", "b", "c");
        foreach (var id in ids)
        {
            await events.RsvpAsync(officeHour, id, services.Clock.GetUtcNow(), default);
        }

        var cancel = await events.CancelRsvpAsync(officeHour, ids[2], services.Clock.GetUtcNow(), default);
        Assert.Equal(RsvpStatus.Waitlisted, cancel.Cancelled);
        Assert.Empty(cancel.Promoted);
        Assert.Null((await events.CancelRsvpAsync(officeHour, ids[2], services.Clock.GetUtcNow(), default)).Cancelled);
    }

    [Fact]
    public async Task Rsvp_ManyRacingForTwoSeats_ExactlyTwoGetThem()
    {
        await using var services = await CohortServices.StartAsync();
        var names = Enumerable.Range(0, 12).Select(i => $"p{i}").ToArray();
        var (events, officeHour, ids) = await SetUpAsync(services, names);

        var outcomes = await Task.WhenAll(ids.Select(id => Task.Run(() => events.RsvpAsync(officeHour, id, services.Clock.GetUtcNow(), default))));

        Assert.Equal(2, outcomes.Count(o => o.Status == RsvpStatus.Going));
        Assert.Equal(Enumerable.Range(1, 10), outcomes.Where(o => o.Status == RsvpStatus.Waitlisted).Select(o => o.WaitlistPosition!.Value).Order());
    }

    [Fact]
    public async Task Register_SameUserRacingTwice_MakesOneParticipant()
    {
        await using var services = await CohortServices.StartAsync();
        var cohort = (await services.Get<ICohortStore>().FindAsync("test-cohort", default))!;
        var store = services.Get<IParticipantStore>();
        var user = new PlatformUser("discord", "42", "Racer");
        var made = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.RegisterAsync(cohort.Id, user, services.Clock.GetUtcNow(), default))));
        Assert.Single(made.Select(p => p.Id).Distinct());
        Assert.Single(await store.ActiveAsync(cohort.Id, default));
    }

    private static async Task<(IEventStore Events, CohortEvent OfficeHour, long[] Ids)> SetUpAsync(CohortServices services, params string[] names)
    {
        var cohort = (await services.Get<ICohortStore>().FindAsync("test-cohort", default))!;
        var participants = services.Get<IParticipantStore>();
        var ids = new List<long>();
        foreach (var name in names)
        {
            ids.Add((await participants.RegisterAsync(cohort.Id, new PlatformUser("test", name, name), services.Clock.GetUtcNow(), default)).Id);
        }

        var events = services.Get<IEventStore>();
        return (events, (await events.FindAsync(cohort.Id, "OH-DABLE", default))!, ids.ToArray());
    }
}
