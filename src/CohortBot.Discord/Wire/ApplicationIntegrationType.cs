namespace CohortBot.Discord.Wire;

public enum ApplicationIntegrationType
{
    GuildInstall = 0,
    UserInstall = 1,
}
