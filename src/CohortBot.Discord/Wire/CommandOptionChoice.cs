using System.Text.Json;

namespace CohortBot.Discord.Wire;

/// <summary>A choice: its value is a string or a number, as the option's type says.</summary>
public sealed record CommandOptionChoice(string Name, JsonElement Value)
{
    public static CommandOptionChoice Of(string name, string value) => new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String));

    public static CommandOptionChoice Of(string name, long value) => new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64));
}
