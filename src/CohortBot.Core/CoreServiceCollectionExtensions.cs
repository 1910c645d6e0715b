using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Events;
using CohortBot.Core.Help;
using CohortBot.Core.Messages;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;
using CohortBot.Core.Preferences;
using CohortBot.Core.Progress;
using CohortBot.Core.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CohortBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The command module: dispatcher, handlers, catalogue of messages. Ports are registered by storage and adapters.</summary>
    public static IServiceCollection AddCohortCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MessageCatalogue>();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<IOrganizerPolicy, ConfiguredOrganizerPolicy>();
        services.AddSingleton<INotifier, ParticipantNotifier>();
        services.AddScoped<ParticipantDirectory>();
        services.AddScoped<ProofIntake>();
        services.AddScoped<CommandDispatcher>();
        services.AddScoped<ChoiceProvider>();
        services.AddSingleton<CohortChanges>();

        services.AddScoped<ICommandHandler, SubmitHandler>();
        services.AddScoped<ICommandHandler, CertHandler>();
        services.AddScoped<ICommandHandler, DeadlinesHandler>();
        services.AddScoped<ICommandHandler, ProgressHandler>();
        services.AddScoped<ICommandHandler, EventsHandler>();
        services.AddScoped<ICommandHandler, RsvpHandler>();
        services.AddScoped<ICommandHandler, LanguageHandler>();
        services.AddScoped<ICommandHandler, TimeZoneHandler>();
        services.AddScoped<ICommandHandler, HelpHandler>();
        services.AddOrganizerCommands();
        return services;
    }
}
