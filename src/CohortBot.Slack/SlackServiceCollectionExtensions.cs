using CohortBot.Core.Fetching;
using CohortBot.Core.Notifications;
using CohortBot.Slack.Commands;
using CohortBot.Slack.Http;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.SocketMode;
using CohortBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack adapter: options (validated at start), the Web API client, Socket Mode (when an
    /// app token is set), the optional HTTP mode, and <see cref="IChatPlatform"/> for "slack".
    /// Call after AddCohortCore, the storage, and the cohort resolver are registered.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.Section);
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SlackRateLimiter>();
        // No HttpClient request logging: it would write response_url and upload_url paths, which are credentials.
        services.AddHttpClient<SlackApiClient>((sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<SlackOptions>>().Value.RequestTimeout)
            .RemoveAllLoggers();
        services.AddHttpClient(SlackApiClient.FilesClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<SlackOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<SlackOptions>>();
                return GuardedHttp.CreateHandler(() => SlackApiClient.FilePolicy(options.Value));
            })
            .RemoveAllLoggers();
        services.AddSingleton<SlackWebApi>();
        services.AddSingleton<DirectChannels>();
        services.AddSingleton<FileUploader>();
        services.AddSingleton<SlackUserResolver>();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<FormOpener>();
        services.AddSingleton<FieldErrorLocator>();
        services.AddSingleton<SlashCommandHandler>();
        services.AddSingleton<BlockActionHandler>();
        services.AddSingleton<ViewSubmissionHandler>();
        services.AddSingleton<InboundProcessor>();
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackConnectionStatus>();
        services.AddSingleton<IChatPlatform, SlackChatPlatform>();
        services.AddHealthChecks().AddCheck<SlackHealthCheck>("slack");

        if (!string.IsNullOrWhiteSpace(section["AppToken"]) || !section.GetValue<bool>("Http:Enabled"))
        {
            services.AddHostedService<SocketModeService>();
        }

        if (section.GetValue<bool>("Http:Enabled"))
        {
            services.AddSingleton<SlackHttpService>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackHttpService>());
        }

        return services;
    }
}
