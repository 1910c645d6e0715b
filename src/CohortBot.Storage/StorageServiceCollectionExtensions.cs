using CohortBot.Core.Allowances;
using CohortBot.Core.Attendance;
using CohortBot.Core.Audit;
using CohortBot.Core.Calendar;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Dashboard;
using CohortBot.Core.Digests;
using CohortBot.Core.Events;
using CohortBot.Core.Exports;
using CohortBot.Core.Outbox;
using CohortBot.Core.Participants;
using CohortBot.Core.Inbound;
using CohortBot.Core.Platform;
using CohortBot.Core.Reminders;
using CohortBot.Core.Reviews;
using CohortBot.Core.Roster;
using CohortBot.Core.Schedule;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Allowances;
using CohortBot.Storage.Attendance;
using CohortBot.Storage.Audit;
using CohortBot.Storage.Cohorts;
using CohortBot.Storage.Completion;
using CohortBot.Storage.Dashboard;
using CohortBot.Storage.Digests;
using CohortBot.Storage.Events;
using CohortBot.Storage.Exports;
using CohortBot.Storage.Outbox;
using CohortBot.Storage.Participants;
using CohortBot.Storage.Inbound;
using CohortBot.Storage.Platform;
using CohortBot.Storage.Proofs;
using CohortBot.Storage.Reminders;
using CohortBot.Storage.Reviews;
using CohortBot.Storage.Roster;
using CohortBot.Storage.Sqlite;
using CohortBot.Storage.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CohortBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Storage for every core port, on the database <c>Storage:Provider</c> names: SQLite (the
    /// default) or PostgreSQL. Options are bound and validated by the host.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<Database>(sp => StorageProviders.IsPostgres(sp.GetRequiredService<IOptions<StorageOptions>>().Value)
            ? ActivatorUtilities.CreateInstance<Postgres.PostgresDatabase>(sp)
            : sp.GetRequiredService<SqliteConnectionFactory>());
        services.AddSingleton<CohortBot.Core.Faults.IStorageFaults>(sp => sp.GetRequiredService<Database>().Dialect == Dialect.Postgres
            ? new Faults.PostgresFaults()
            : new Faults.SqliteFaults());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddSingleton<Migrator>();
        services.AddSingleton<RosterImport>();
        services.AddSingleton<CohortSync>();
        services.AddSingleton<CohortCache>();
        services.AddSingleton<ICohortStore, CohortStore>();
        services.AddSingleton<IParticipantStore, ParticipantStore>();
        services.AddSingleton<ISubmissionStore, SubmissionStore>();
        services.AddSingleton<IEventStore, EventStore>();
        services.AddSingleton<FileSystemProofStore>();
        services.AddSingleton<IProofFileStore>(sp => sp.GetRequiredService<FileSystemProofStore>());
        services.AddSingleton<ProofRecovery>();
        services.AddSingleton<Backups.BackupArchive>();
        services.AddSingleton<Backups.DatabaseLock>();
        services.AddSingleton<CohortBot.Core.Privacy.IParticipantEraser, Privacy.ParticipantEraser>();
        services.AddSingleton<IPlatformStateStore, PlatformStateStore>();
        services.AddSingleton<Postgres.RunLeases>();
        services.AddSingleton<IInbox, InboxStore>();
        services.AddSingleton<IReviewQueue, ReviewQueue>();
        services.AddSingleton<IDuplicateProofs, DuplicateProofQuery>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<IAllowanceStore, AllowanceStore>();
        services.AddSingleton<ICompletionRecords, CompletionRecords>();
        services.AddSingleton<IExportQueries, ExportQueries>();
        services.AddSingleton<IAttendanceStore, AttendanceStore>();
        services.AddSingleton<IRosterAdmin, RosterAdmin>();
        services.AddSingleton<IScheduleAdmin, DeadlineOverrides>();
        services.AddSingleton<IEventAdmin, EventAdmin>();
        services.AddSingleton<ICalendarEvents, CalendarEvents>();
        services.AddSingleton<IDeliveryLedger, OutboxLedger>();
        services.AddSingleton<IOutboxBacklog, OutboxBacklog>();
        services.AddSingleton<ReminderAudienceStore>();
        services.AddSingleton<IReminderAudience>(sp => sp.GetRequiredService<ReminderAudienceStore>());
        services.AddSingleton<IReminderPreferences>(sp => sp.GetRequiredService<ReminderAudienceStore>());
        services.AddSingleton<IDigestQueries, DigestQueryStore>();
        services.AddSingleton<IDashboardTokens, DashboardTokenStore>();
        return services;
    }

    /// <summary>The name this had while SQLite was the only provider; the provider now comes from <c>Storage:Provider</c>.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services) => services.AddStorage();
}
