using CohortBot.Core.Announcements;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Diagnostics;
using CohortBot.Core.Digests;
using CohortBot.Core.Events;
using CohortBot.Core.Help;
using CohortBot.Core.Messages;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;
using CohortBot.Core.Outbox;
using CohortBot.Core.Participants;
using CohortBot.Core.Preferences;
using CohortBot.Core.Progress;
using CohortBot.Core.Reminders;
using CohortBot.Core.Schedules;
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
        services.AddSingleton<ReaderTexts>();
        services.AddSingleton<CommandRunner>();
        services.AddTelemetryInstruments();
        services.AddSingleton<IOrganizerPolicy, ConfiguredOrganizerPolicy>();
        services.AddSingleton<INotifier, ParticipantNotifier>();
        services.AddScoped<ParticipantDirectory>();
        services.AddScoped<ProofIntake>();
        services.AddScoped<CommandDispatcher>();
        services.AddSingleton<CommandTable>();
        services.AddSingleton<Flood.FloodGate>();
        services.AddScoped<ChoiceProvider>();
        services.AddSingleton<CohortChanges>();

        services.AddCommand<SubmitHandler>(Catalogue.Submit);
        services.AddCommand<CertHandler>(Catalogue.Cert);
        services.AddCommand<DeadlinesHandler>(Catalogue.Deadlines);
        services.AddCommand<ProgressHandler>(Catalogue.Progress);
        services.AddCommand<EventsHandler>(Catalogue.Events);
        services.AddCommand<RsvpHandler>(Catalogue.Rsvp);
        services.AddCommand<LanguageHandler>(Catalogue.Language);
        services.AddCommand<TimeZoneHandler>(Catalogue.TimeZone);
        services.AddCommand<RemindHandler>(Catalogue.Remind);
        services.AddCommand<DigestHandler>(Catalogue.Digest);
        services.AddCommand<HelpHandler>(Catalogue.Help);
        services.AddCommand<Privacy.ForgetMeHandler>(Catalogue.ForgetMe);
        services.AddOrganizerCommands();

        services.AddSingleton<OutboxRun>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<ChannelPoster>();
        services.AddSingleton<ReminderDelivery>();
        services.AddSingleton<DeadlineReminders>();
        services.AddSingleton<EventReminders>();
        services.AddSingleton<SpeakerAnnouncements>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<OrganizerDigest>();
        services.AddSingleton<MomentPlanner>();
        services.AddSingleton<ScheduledWork>();
        return services;
    }
}
