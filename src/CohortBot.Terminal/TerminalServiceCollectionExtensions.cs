using CohortBot.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CohortBot.Terminal;

public static class TerminalServiceCollectionExtensions
{
    /// <summary>The terminal adapter on the process's console, unless a <see cref="TerminalIO"/> is already registered (tests).</summary>
    public static IServiceCollection AddTerminalAdapter(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => TerminalIO.FromConsole());
        services.AddSingleton<TerminalReaders>();
        services.AddSingleton<IChatPlatform, TerminalPlatform>();
        services.AddHostedService<TerminalAdapter>();
        return services;
    }
}
