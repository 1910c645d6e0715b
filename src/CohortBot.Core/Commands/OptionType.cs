namespace CohortBot.Core.Commands;

/// <summary>The neutral option types every adapter can carry.</summary>
public enum OptionType
{
    String,
    Integer,
    Boolean,
    Attachment,
}
