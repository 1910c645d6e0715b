namespace CohortBot.Discord.Wire;

public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}
