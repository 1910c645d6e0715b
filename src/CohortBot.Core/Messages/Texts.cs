namespace CohortBot.Core.Messages;

/// <summary>The catalogue bound to one reader's language.</summary>
public sealed class Texts(MessageCatalogue catalogue, string language)
{
    public string Language { get; } = language;

    public string this[string key, object? args = null] => catalogue.Format(Language, key, args);

    /// <summary>
    /// The message for a number: <c>key.one</c> when <paramref name="count"/> is 1, else
    /// <c>key.other</c> (English's rule; a language without plural forms, such as Korean, gives
    /// both keys the same text). <paramref name="args"/> defaults to <c>{ count }</c>.
    /// </summary>
    public string Plural(string key, long count, object? args = null) =>
        catalogue.Format(Language, key + (count == 1 ? ".one" : ".other"), args ?? new { count });
}
