using CohortBot.Core.Allowances;
using CohortBot.Core.Attendance;
using CohortBot.Core.Audit;
using CohortBot.Core.Calendar;
using CohortBot.Core.Commands;
using CohortBot.Core.Completion;
using CohortBot.Core.Events;
using CohortBot.Core.Exports;
using CohortBot.Core.Reviews;
using CohortBot.Core.Roster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CohortBot.Core;

public static class OrganizerServiceCollectionExtensions
{
    /// <summary>The organizer commands (review, completion, exports, audit); called by <see cref="CoreServiceCollectionExtensions.AddCohortCore"/>.</summary>
    public static IServiceCollection AddOrganizerCommands(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>();
        services.AddScoped<ReviewCard>();
        services.AddScoped<ReviewDesk>();
        services.AddScoped<AutoApproval>();
        services.AddCommand<ReviewHandler>(Catalogue.Review);
        services.AddCommand<ApproveHandler>(Catalogue.Approve);
        services.AddCommand<RejectHandler>(Catalogue.Reject);
        services.AddCommand<AuditHandler>(Catalogue.Audit);

        // The host registers the cohort file's rules first; this default only serves hosts without a file.
        services.TryAddSingleton(CompletionRules.Default);
        services.AddScoped<CompletionReport>();
        services.AddCommand<ReportHandler>(Catalogue.Report);
        services.AddScoped<CohortExporter>();
        services.AddCommand<ExportHandler>(Catalogue.Export);
        services.AddScoped<ParticipantFinder>();
        services.AddCommand<CheckinHandler>(Catalogue.Checkin);
        services.AddCommand<CheckinOpenHandler>(Catalogue.CheckinOpen);
        services.AddCommand<AttendHandler>(Catalogue.Attend);
        services.AddCommand<RosterHandler>(Catalogue.RosterImport);
        services.AddCommand<DropHandler>(Catalogue.Drop);
        services.AddCommand<Privacy.ForgetHandler>(Catalogue.Forget);
        services.AddCommand<ExcuseHandler>(Catalogue.Excuse);
        services.AddCommand<ExtendHandler>(Catalogue.Extend);
        services.AddCommand<EventCreateHandler>(Catalogue.EventCreate);
        services.AddCommand<EventEditHandler>(Catalogue.EventEdit);
        services.AddCommand<EventCancelHandler>(Catalogue.EventCancel);
        services.AddScoped<CalendarBuilder>();
        services.AddCommand<CalendarHandler>(Catalogue.Calendar);
        return services;
    }
}
