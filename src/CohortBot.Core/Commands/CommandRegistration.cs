using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Core.Commands;

public static class CommandRegistration
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> as the handler of <paramref name="command"/>: scoped,
    /// keyed by the command's name so the dispatcher builds only the one it needs.
    /// </summary>
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services, CommandDescriptor command)
        where THandler : class, ICommandHandler
    {
        services.AddKeyedScoped<ICommandHandler, THandler>(command.Name);
        // Every handler as a list too, for tools and tests that look at all of them.
        services.AddScoped(sp => sp.GetRequiredKeyedService<ICommandHandler>(command.Name));
        services.AddSingleton(new HandledCommand(command));
        return services;
    }
}
