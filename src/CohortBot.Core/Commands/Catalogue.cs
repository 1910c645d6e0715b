namespace CohortBot.Core.Commands;

/// <summary>
/// Every command the bot understands. Adapters register exactly this list (Discord slash commands,
/// Slack sub-commands, terminal help); the dispatcher binds invocations against it.
/// </summary>
public static class Catalogue
{
    public static readonly CommandDescriptor Submit = new("submit",
    [
        new("week", OptionType.Integer, Required: true, OptionChoices.Weeks) { MinValue = 1, MaxValue = 1000 },
        new("url", OptionType.String, Required: false) { MaxLength = 2048 },
        new("file", OptionType.Attachment, Required: false),
        new("note", OptionType.String, Required: false) { MaxLength = 500 },
    ]);

    public static readonly CommandDescriptor Cert = new("cert",
    [
        new("type", OptionType.String, Required: true, OptionChoices.Certificates) { MaxLength = 64 },
        new("url", OptionType.String, Required: true) { MaxLength = 2048 },
        new("file", OptionType.Attachment, Required: false),
    ]);

    public static readonly CommandDescriptor Deadlines = new("deadlines", []);

    public static readonly CommandDescriptor Progress = new("progress", []);

    public static readonly CommandDescriptor Events = new("events",
    [
        new("kind", OptionType.String, Required: false, OptionChoices.EventKinds) { MaxLength = 32 },
    ]);

    public static readonly CommandDescriptor Rsvp = new("rsvp",
    [
        new("event", OptionType.String, Required: true, OptionChoices.Events) { MaxLength = 64 },
        new("cancel", OptionType.Boolean, Required: false),
    ]);

    public static readonly CommandDescriptor Remind = new("remind",
    [
        new("mode", OptionType.String, Required: false) { MaxLength = 8 },
        new("quiet", OptionType.String, Required: false) { MaxLength = 16 },
    ]);

    public static readonly CommandDescriptor Digest = new("digest", [], OrganizerOnly: true);

    public static readonly CommandDescriptor Help = new("help", []);

    public static IReadOnlyList<CommandDescriptor> All { get; } = [Submit, Cert, Deadlines, Progress, Events, Rsvp, Remind, Digest, Help];

    public static CommandDescriptor? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
