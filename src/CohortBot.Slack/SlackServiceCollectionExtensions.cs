using CohortBot.Core.Fetching;
using CohortBot.Core.Inbound;
using CohortBot.Core.Notifications;
using CohortBot.Core.Resilience;
using CohortBot.Core.Transport;
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
        services.AddInboundRuntime();

        services.TryAddSingleton<IWebSocketConnector, ClientWebSocketConnector>();

        // The Web API pipeline, outermost first: token; retries of what may be retried (one back-off
        // policy); per-queue pacing and 429s; each attempt's timeout on the injected clock. URLs Slack
        // hands out (files, uploads, response_url) get the 429 step and the timeout, and the guarded
        // primary handler. No HttpClient request logging: it would write response_url and upload_url
        // paths, which are credentials.
        services.AddSingleton<SlackRateLimiter>();
        services.AddSingleton<SlackApiClient>();
        services.AddTransient<SlackAuthHandler>();
        services.AddTransient<SlackRetryHandler>();
        services.AddTransient<SlackRateLimitHandler>();
        services.AddHttpClient(SlackApiClient.HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<SlackAuthHandler>()
            .AddHttpMessageHandler<SlackRetryHandler>()
            .AddHttpMessageHandler<SlackRateLimitHandler>()
            .AddHttpMessageHandler(AttemptTimeout)
            .RemoveAllLoggers();
        services.AddHttpClient(SlackApiClient.FilesClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<SlackRateLimitHandler>()
            .AddHttpMessageHandler(AttemptTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<SlackOptions>>();
                return GuardedHttp.CreateHandler(() => SlackApiClient.FilePolicy(options.Value));
            })
            .RemoveAllLoggers();
        services.AddSingleton<SlackWebApi>();
        services.AddSingleton<DirectChannels>();
        services.AddSingleton<FileUploader>();
        services.AddSingleton<SlackProfiles>();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<FormOpener>();
        services.AddSingleton<FieldErrorLocator>();
        services.AddSingleton<SlashCommandHandler>();
        services.AddSingleton<BlockActionHandler>();
        services.AddSingleton<ViewSubmissionHandler>();
        services.AddSingleton<SlackConversations>();
        services.AddSingleton<IInboundRestorer>(sp => sp.GetRequiredService<SlackConversations>());
        services.AddSingleton<SlackInbound>();
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

    private static ClockTimeoutHandler AttemptTimeout(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<SlackOptions>>();
        return new ClockTimeoutHandler(() => options.Value.RequestTimeout, sp.GetRequiredService<TimeProvider>());
    }
}
