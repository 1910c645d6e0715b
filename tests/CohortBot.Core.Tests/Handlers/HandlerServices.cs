using CohortBot.Core.Cohorts;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Core.Tests.Handlers;

/// <summary>
/// What the handler tests share: the kit's <see cref="CohortServices"/> (the real core and stores on
/// a SQLite file in a temp folder, the <see cref="SampleCohort"/>, a fake clock at its Wednesday of
/// week 2) with <see cref="Organizer"/> as the organizer and a capturing platform for the DMs a handler
/// sends. Commands go through the dispatcher, as every adapter sends them. Each test starts from a
/// copy of a database migrated once per run: these tests are about handlers, not migrations.
/// </summary>
internal static class HandlerServices
{
    /// <summary>The one organizer, on the test platform.</summary>
    public const string Organizer = "org";

    public static Task<CohortServices> StartAsync(CohortDefinition? cohort = null, Action<IServiceCollection>? configure = null) =>
        CohortServices.StartAsync(
            s =>
            {
                s.Configure<OrganizerOptions>(o => o.Platforms["test"] = new OrganizerSet { Users = { Organizer } });
                s.AddSingleton(sp => new CapturingPlatform(sp.GetRequiredService<TimeProvider>(), "test"));
                s.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<CapturingPlatform>());
                configure?.Invoke(s);
            },
            cohort,
            fromMigrated: true);

    /// <summary>The DMs the handlers sent.</summary>
    public static CapturingPlatform Platform(this CohortServices services) => services.Get<CapturingPlatform>();

    public static async Task<Cohort> CohortAsync(this CohortServices services) =>
        (await services.Get<ICohortStore>().FindAsync(SampleCohort.Definition().Slug, CancellationToken.None))!;

    public static async Task<Participant?> ParticipantAsync(this CohortServices services, string user) =>
        await services.Get<IParticipantStore>().FindByIdentityAsync((await services.CohortAsync()).Id, "test", user, CancellationToken.None);

    /// <summary>The participant's latest proof for <paramref name="week"/>, as stored; null when none (or no such participant).</summary>
    public static async Task<Submission?> LatestAsync(this CohortServices services, string user, int week) =>
        await services.ParticipantAsync(user) is { } participant
            ? (await services.Get<ISubmissionStore>().LatestWeeklyAsync(participant.Id, CancellationToken.None)).SingleOrDefault(s => s.WeekNumber == week)
            : null;
}
