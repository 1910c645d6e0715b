namespace CohortBot.Core.Commands;

/// <summary>
/// A form the adapter may show instead of asking the user to type options (Discord modal, Slack
/// view). Submitting it runs <see cref="Command"/> with <see cref="Fixed"/> plus the field values.
/// </summary>
public sealed record ReplyForm(string Title, string Command, IReadOnlyDictionary<string, string> Fixed, IReadOnlyList<FormField> Fields);

/// <summary>One input of a form; <see cref="Option"/> is the command option it fills.</summary>
public sealed record FormField(string Option, string Label, bool Required, bool Multiline = false, int MaxLength = 1000, bool IsFile = false);
