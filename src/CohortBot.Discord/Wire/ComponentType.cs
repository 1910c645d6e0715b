namespace CohortBot.Discord.Wire;

/// <summary>Message and modal component types the adapter sends or reads.</summary>
public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
    Label = 18,
}
