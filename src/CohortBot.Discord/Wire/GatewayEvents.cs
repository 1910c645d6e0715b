namespace CohortBot.Discord.Wire;

/// <summary>The dispatch names (<c>t</c>) the adapter acts on; every other dispatch is ignored on purpose.</summary>
public static class GatewayEvents
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
    public const string InteractionCreate = "INTERACTION_CREATE";
}
