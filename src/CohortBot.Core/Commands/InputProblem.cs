namespace CohortBot.Core.Commands;

/// <summary>
/// Why an adapter could not make a command of what the user typed (an unclosed quote, an unknown
/// or repeated option), as a message key and its arguments. The adapter hands it to the dispatcher
/// (<see cref="Invocation.Refused"/>), which words it in the caller's language like every other
/// reply, and runs nothing.
/// </summary>
public sealed record InputProblem(string Key, object? Args = null);
