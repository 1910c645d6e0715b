namespace CohortBot.Core.Commands;

/// <summary>
/// Every command the bot understands. Adapters register exactly this list (Discord slash commands,
/// Slack sub-commands, terminal help); the dispatcher binds invocations against it.
/// </summary>
public static class Catalogue
{
    /// <summary>The optional event fields shared by event-create and event-edit.</summary>
    private static readonly OptionDescriptor[] EventFields =
    [
        new("duration", OptionType.String, Required: false) { MaxLength = 16 },
        new("company", OptionType.String, Required: false) { MaxLength = 200 },
        new("topic", OptionType.String, Required: false) { MaxLength = 1000, Multiline = true },
        new("speakers", OptionType.String, Required: false) { MaxLength = 1000 },
        new("capacity", OptionType.Integer, Required: false) { MinValue = 0, MaxValue = 100_000 },
        new("join_url", OptionType.String, Required: false) { MaxLength = 2048 },
    ];

    public static readonly CommandDescriptor Submit = new("submit",
    [
        new("week", OptionType.Integer, Required: true, OptionChoices.Weeks) { MinValue = 1, MaxValue = 1000 },
        new("url", OptionType.String, Required: false) { MaxLength = 2048 },
        new("file", OptionType.Attachment, Required: false),
        new("note", OptionType.String, Required: false) { MaxLength = 500, Multiline = true },
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

    public static readonly CommandDescriptor Language = new("language",
    [
        new("code", OptionType.String, Required: false, OptionChoices.Languages) { MaxLength = 35 },
    ]);

    public static readonly CommandDescriptor TimeZone = new("timezone",
    [
        new("zone", OptionType.String, Required: false) { MaxLength = 64 },
    ]);

    public static readonly CommandDescriptor Remind = new("remind",
    [
        new("mode", OptionType.String, Required: false) { MaxLength = 8 },
        new("quiet", OptionType.String, Required: false) { MaxLength = 16 },
    ]);

    public static readonly CommandDescriptor Digest = new("digest", [], OrganizerOnly: true);

    public static readonly CommandDescriptor Help = new("help", []);

    public static readonly CommandDescriptor Checkin = new("checkin",
    [
        new("code", OptionType.String, Required: true) { MaxLength = 16 },
    ]);

    public static readonly CommandDescriptor Calendar = new("calendar",
    [
        new("all", OptionType.Boolean, Required: false),
    ]);

    public static readonly CommandDescriptor Review = new("review",
    [
        new("week", OptionType.Integer, Required: false, OptionChoices.Weeks) { MinValue = 1, MaxValue = 1000 },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor Approve = new("approve",
    [
        new("proof", OptionType.String, Required: true) { MaxLength = 20 },
        new("week", OptionType.Integer, Required: false, OptionChoices.Weeks) { MinValue = 1, MaxValue = 1000 },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor Reject = new("reject",
    [
        new("proof", OptionType.String, Required: true) { MaxLength = 20 },
        new("reason", OptionType.String, Required: false) { MaxLength = 500, Multiline = true },
        new("week", OptionType.Integer, Required: false, OptionChoices.Weeks) { MinValue = 1, MaxValue = 1000 },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor Report = new("report",
    [
        new("kind", OptionType.String, Required: true) { MaxLength = 32 },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor Export = new("export",
    [
        new("kind", OptionType.String, Required: true) { MaxLength = 32 },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor CheckinOpen = new("checkin-open",
    [
        new("event", OptionType.String, Required: true, OptionChoices.Events) { MaxLength = 64 },
        new("minutes", OptionType.Integer, Required: false) { MinValue = 1, MaxValue = 240 },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor Attend = new("attend",
    [
        new("event", OptionType.String, Required: true, OptionChoices.Events) { MaxLength = 64 },
        new("participant", OptionType.String, Required: true) { MaxLength = 254 },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor RosterImport = new("roster",
    [
        new("file", OptionType.Attachment, Required: true),
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor Drop = new("drop",
    [
        new("participant", OptionType.String, Required: true) { MaxLength = 254 },
        new("reason", OptionType.String, Required: false) { MaxLength = 500, Multiline = true },
        new("undo", OptionType.Boolean, Required: false),
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor Excuse = new("excuse",
    [
        new("participant", OptionType.String, Required: true) { MaxLength = 254 },
        new("week", OptionType.Integer, Required: true, OptionChoices.Weeks) { MinValue = 1, MaxValue = 1000 },
        new("reason", OptionType.String, Required: false) { MaxLength = 500, Multiline = true },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor Extend = new("extend",
    [
        new("week", OptionType.String, Required: true) { MaxLength = 16 },
        new("until", OptionType.String, Required: true) { MaxLength = 32 },
        new("participant", OptionType.String, Required: false) { MaxLength = 254 },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor EventCreate = new("event-create",
    [
        new("id", OptionType.String, Required: true) { MaxLength = 64 },
        new("kind", OptionType.String, Required: true, OptionChoices.EventKinds) { MaxLength = 32 },
        new("title", OptionType.String, Required: true) { MaxLength = 200 },
        new("starts", OptionType.String, Required: true) { MaxLength = 32 },
        .. EventFields,
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor EventEdit = new("event-edit",
    [
        new("id", OptionType.String, Required: true, OptionChoices.Events) { MaxLength = 64 },
        new("kind", OptionType.String, Required: false, OptionChoices.EventKinds) { MaxLength = 32 },
        new("title", OptionType.String, Required: false) { MaxLength = 200 },
        new("starts", OptionType.String, Required: false) { MaxLength = 32 },
        .. EventFields,
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor EventCancel = new("event-cancel",
    [
        new("id", OptionType.String, Required: true, OptionChoices.Events) { MaxLength = 64 },
        new("reason", OptionType.String, Required: false) { MaxLength = 500, Multiline = true },
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor Audit = new("audit",
    [
        new("limit", OptionType.Integer, Required: false) { MinValue = 1, MaxValue = 20 }, // one field each; Discord embeds hold 25
    ], OrganizerOnly: true);

    public static readonly CommandDescriptor ForgetMe = new("forget-me",
    [
        new("confirm", OptionType.Boolean, Required: false),
    ]);

    public static readonly CommandDescriptor Forget = new("forget",
    [
        new("participant", OptionType.String, Required: true) { MaxLength = 254 },
        new("confirm", OptionType.Boolean, Required: false),
    ], OrganizerOnly: true);

    public static IReadOnlyList<CommandDescriptor> All { get; } = [Submit, Cert, Deadlines, Progress, Events, Rsvp, Remind, Language, TimeZone, Help, Checkin, Calendar, Review, Approve, Reject, Report, Export, CheckinOpen, Attend, RosterImport, Drop, Excuse, Extend, EventCreate, EventEdit, EventCancel, Audit, Digest, ForgetMe, Forget];

    public static CommandDescriptor? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
