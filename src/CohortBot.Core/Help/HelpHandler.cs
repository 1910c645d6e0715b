using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;

namespace CohortBot.Core.Help;

/// <summary><c>/help</c>: every command the caller may run, with its usage.</summary>
public sealed class HelpHandler(IOrganizerPolicy organizers) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Help;

    public bool NeedsParticipant => false;

    public Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var isOrganizer = organizers.IsOrganizer(ctx.Invocation.User);
        var fields = Catalogue.All
            .Where(c => !c.OrganizerOnly || isOrganizer)
            .Select(c => new ReplyField(OptionBinder.Usage(c), t[c.DescriptionKey]))
            .ToList();
        return Task.FromResult(new Reply(t["help.intro", new { cohort = ctx.Cohort.Name }]) { Title = t["help.title"], Fields = fields });
    }
}
