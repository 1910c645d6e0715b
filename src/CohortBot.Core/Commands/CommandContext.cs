using CohortBot.Core.Cohorts;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Commands;

/// <summary>Everything a handler needs about one call: who, in which cohort, when, in which language.</summary>
public sealed class CommandContext(Invocation invocation, Cohort cohort, Participant? participant, Texts texts, DateTimeOffset now)
{
    public Invocation Invocation { get; } = invocation;

    public Cohort Cohort { get; } = cohort;

    /// <summary>The caller as a participant; set for every handler that asks for one.</summary>
    public Participant Participant => participant ?? throw new InvalidOperationException("This command runs without a participant.");

    public Texts T { get; } = texts;

    public DateTimeOffset Now { get; } = now;

    public long? Integer(string name) => Invocation.Options.TryGetValue(name, out var v) ? v as long? : null;

    public string? String(string name) => Invocation.Options.TryGetValue(name, out var v) ? v as string : null;

    public bool Flag(string name) => Invocation.Options.TryGetValue(name, out var v) && v is true;

    public InvocationAttachment? Attachment(string name) => Invocation.Options.TryGetValue(name, out var v) ? v as InvocationAttachment : null;
}
