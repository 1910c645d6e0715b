namespace CohortBot.Discord.Wire;

/// <summary><c>{"parse":[]}</c> turns every mention off: reply text can echo user input.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static readonly AllowedMentions None = new([]);
}
