namespace CohortBot.Core.Messages;

/// <summary>The catalogue bound to one reader's language.</summary>
public sealed class Texts(MessageCatalogue catalogue, string language)
{
    public string Language { get; } = language;

    public string this[string key, object? args = null] => catalogue.Format(Language, key, args);
}
