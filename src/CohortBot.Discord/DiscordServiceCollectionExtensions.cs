using CohortBot.Core.Fetching;
using CohortBot.Core.Notifications;
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

        // The default HttpClient logging writes full URLs, and interaction/webhook tokens are in the
        // path; the REST client logs route templates instead.
        services.AddHttpClient(DiscordRestClient.HttpClientName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
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
