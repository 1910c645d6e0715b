using CohortBot.Core.Cohorts;
using CohortBot.Core.Digests;
using CohortBot.Core.Events;
using CohortBot.Core.Outbox;
using CohortBot.Core.Participants;
using CohortBot.Core.Platform;
using CohortBot.Core.Reminders;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Cohorts;
using CohortBot.Storage.Digests;
using CohortBot.Storage.Events;
using CohortBot.Storage.Outbox;
using CohortBot.Storage.Participants;
using CohortBot.Storage.Platform;
using CohortBot.Storage.Proofs;
using CohortBot.Storage.Reminders;
using CohortBot.Storage.Sqlite;
using CohortBot.Storage.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>SQLite storage for every core port. Options are bound and validated by the host.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<RosterImport>();
        services.AddSingleton<CohortSync>();
        services.AddSingleton<ICohortStore, CohortStore>();
        services.AddSingleton<IParticipantStore, ParticipantStore>();
        services.AddSingleton<ISubmissionStore, SubmissionStore>();
        services.AddSingleton<IEventStore, EventStore>();
        services.AddSingleton<IProofFileStore, FileSystemProofStore>();
        services.AddSingleton<IPlatformStateStore, PlatformStateStore>();
        services.AddSingleton<IInboundDeduplicator, InboundDeduplicator>();
        services.AddSingleton<IDeliveryLedger, OutboxLedger>();
        services.AddSingleton<ReminderAudienceStore>();
        services.AddSingleton<IReminderAudience>(sp => sp.GetRequiredService<ReminderAudienceStore>());
        services.AddSingleton<IReminderPreferences>(sp => sp.GetRequiredService<ReminderAudienceStore>());
        services.AddSingleton<IDigestQueries, DigestQueryStore>();
        return services;
    }
}
