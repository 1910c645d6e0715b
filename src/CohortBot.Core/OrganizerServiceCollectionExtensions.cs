using CohortBot.Core.Audit;
using CohortBot.Core.Commands;
using CohortBot.Core.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Core;

public static class OrganizerServiceCollectionExtensions
{
    /// <summary>The organizer commands (review, completion, exports, audit); called by <see cref="CoreServiceCollectionExtensions.AddCohortCore"/>.</summary>
    public static IServiceCollection AddOrganizerCommands(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>();
        services.AddScoped<ReviewCard>();
        services.AddScoped<ReviewDesk>();
        services.AddScoped<ICommandHandler, ReviewHandler>();
        services.AddScoped<ICommandHandler, ApproveHandler>();
        services.AddScoped<ICommandHandler, RejectHandler>();
        services.AddScoped<ICommandHandler, AuditHandler>();
        return services;
    }
}
