using CohortBot.Core.Participants;

namespace CohortBot.Core.Commands;

/// <summary>
/// A command call in neutral form. Option values are <see cref="string"/>, <see cref="long"/>,
/// <see cref="bool"/> or <see cref="InvocationAttachment"/>; text adapters may pass every value as a
/// string and the dispatcher converts it using the catalogue.
/// </summary>
/// <param name="Command">Command name without slash.</param>
/// <param name="Options">Option values by lowercase name.</param>
/// <param name="User">The caller.</param>
/// <param name="ChannelId">Where it was typed (platform channel id), if anywhere.</param>
public sealed record Invocation(string Command, IReadOnlyDictionary<string, object?> Options, PlatformUser User, string? ChannelId = null)
{
    /// <summary>Set when the adapter could not read the command: the dispatcher answers with it and runs nothing.</summary>
    public InputProblem? Problem { get; init; }

    /// <summary>An invocation that only carries <paramref name="problem"/> back to <paramref name="user"/>, in their language.</summary>
    public static Invocation Refused(PlatformUser user, InputProblem problem, string? channelId = null) =>
        new(string.Empty, new Dictionary<string, object?>(), user, channelId) { Problem = problem };

    public static Invocation Create(string command, PlatformUser user, params (string Name, object? Value)[] options) =>
        new(command, options.ToDictionary(o => o.Name, o => o.Value, StringComparer.OrdinalIgnoreCase), user);
}
