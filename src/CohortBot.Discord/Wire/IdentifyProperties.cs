namespace CohortBot.Discord.Wire;

public sealed record IdentifyProperties(string Os, string Browser, string Device);
