using CohortBot.Core.Fetching;
using CohortBot.Core.Inbound;
using CohortBot.Core.Notifications;
using CohortBot.Core.Resilience;
using CohortBot.Core.Transport;
using CohortBot.Core.Submissions;
using CohortBot.Discord.Commands;
using CohortBot.Discord.Gateway;
using CohortBot.Discord.Http;
using CohortBot.Discord.Interactions;
using CohortBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// The Discord adapter: options (validated at start), REST client, command registration, the
    /// gateway worker, the optional HTTP interactions endpoint and <see cref="IChatPlatform"/>.
    /// Call after <c>AddCohortCore()</c> and storage, and only when <c>Discord:Token</c> is set.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.Section);
        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.AddOptions<ProofOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddInboundRuntime();

        services.TryAddSingleton<IWebSocketConnector, ClientWebSocketConnector>();

        // The REST pipeline, outermost first: token and User-Agent; retries of what may be retried
        // (one back-off policy); bucket, global and 429 limits; and each attempt's timeout on the
        // injected clock. The default HttpClient logging writes full URLs, and interaction/webhook
        // tokens are in the path; the steps log route templates instead.
        services.AddSingleton<RateLimitBuckets>();
        services.AddTransient<DiscordAuthHandler>();
        services.AddTransient<DiscordRetryHandler>();
        services.AddTransient<DiscordRateLimitHandler>();
        services.AddHttpClient(DiscordRestClient.HttpClientName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<DiscordAuthHandler>()
            .AddHttpMessageHandler<DiscordRetryHandler>()
            .AddHttpMessageHandler<DiscordRateLimitHandler>()
            .AddHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<DiscordOptions>>();
                return new ClockTimeoutHandler(() => options.Value.RequestTimeout, sp.GetRequiredService<TimeProvider>());
            })
            .RemoveAllLoggers();
        // Attachment URLs come from the payload: only Discord's file hosts, redirects checked hop by
        // hop, and never an address on the inside (checked at connect time). No request logging:
        // the signed query of an attachment URL is not for the logs.
        services.AddHttpClient(AttachmentDownloader.HttpClientName)
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<DiscordOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<DiscordOptions>>();
                return GuardedHttp.CreateHandler(() => options.Value.Attachments.Policy());
            })
            .RemoveAllLoggers();

        services.AddSingleton<GlobalRateLimiter>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<CommandPayloadBuilder>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<AttachmentDownloader>();
        services.AddSingleton<InvocationMapper>();
        services.AddSingleton<InteractionResponder>();
        services.AddSingleton<InteractionServices>();
        services.AddSingleton<IInboundRestorer>(sp => sp.GetRequiredService<InteractionServices>());
        services.AddSingleton<AutocompleteResponder>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<GatewayStatus>();
        services.AddSingleton<DiscordChatPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<DiscordChatPlatform>());

        services.AddHostedService<CommandRegistrationService>();
        services.AddHostedService<DiscordGatewayService>();
        if (section.GetValue<bool>("HttpInteractions:Enabled"))
        {
            services.AddSingleton<HttpInteractionsService>();
            services.AddHostedService(sp => sp.GetRequiredService<HttpInteractionsService>());
        }

        services.AddHealthChecks().AddCheck<DiscordGatewayHealthCheck>("discord-gateway");
        return services;
    }
}
