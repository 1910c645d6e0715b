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
        services.AddScoped<ICommandHandler, ReviewHandler>();
        services.AddScoped<ICommandHandler, ApproveHandler>();
        services.AddScoped<ICommandHandler, RejectHandler>();
        services.AddScoped<ICommandHandler, AuditHandler>();

        // The host registers the cohort file's rules first; this default only serves hosts without a file.
        services.TryAddSingleton(CompletionRules.Default);
        services.AddScoped<CompletionReport>();
        services.AddScoped<ICommandHandler, ReportHandler>();
        services.AddScoped<CohortExporter>();
        services.AddScoped<ICommandHandler, ExportHandler>();
        services.AddScoped<ParticipantFinder>();
        services.AddScoped<ICommandHandler, CheckinHandler>();
        services.AddScoped<ICommandHandler, CheckinOpenHandler>();
        services.AddScoped<ICommandHandler, AttendHandler>();
        services.AddScoped<ICommandHandler, RosterHandler>();
        services.AddScoped<ICommandHandler, DropHandler>();
        services.AddScoped<ICommandHandler, Privacy.ForgetHandler>();
        services.AddScoped<ICommandHandler, ExcuseHandler>();
        services.AddScoped<ICommandHandler, ExtendHandler>();
        services.AddScoped<ICommandHandler, EventCreateHandler>();
        services.AddScoped<ICommandHandler, EventEditHandler>();
        services.AddScoped<ICommandHandler, EventCancelHandler>();
        services.AddScoped<CalendarBuilder>();
        services.AddScoped<ICommandHandler, CalendarHandler>();
        return services;
    }
}
