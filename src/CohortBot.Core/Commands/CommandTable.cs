using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Core.Commands;

/// <summary>
/// The commands this process handles, by name, known without building any handler: a command's
/// way through creates only its own handler (and what that needs), not all of them.
/// </summary>
public sealed class CommandTable(IEnumerable<HandledCommand> commands)
{
    private readonly Dictionary<string, CommandDescriptor> _byName =
        commands.ToDictionary(c => c.Descriptor.Name, c => c.Descriptor, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<CommandDescriptor> All => _byName.Values;

    public bool TryFind(string name, out CommandDescriptor descriptor) => _byName.TryGetValue(name, out descriptor!);

    /// <summary>The handler of <paramref name="command"/>, from the command's own DI scope.</summary>
    public static ICommandHandler HandlerOf(IServiceProvider scope, CommandDescriptor command) =>
        scope.GetRequiredKeyedService<ICommandHandler>(command.Name);
}

/// <summary>One registered command (see <see cref="CommandRegistration.AddCommand{THandler}"/>).</summary>
public sealed record HandledCommand(CommandDescriptor Descriptor);
