namespace CohortBot.Discord.Wire;

/// <summary>Discord's button styles (named apart from the core's neutral <c>ButtonStyle</c>).</summary>
public enum ButtonStyleCode
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}
