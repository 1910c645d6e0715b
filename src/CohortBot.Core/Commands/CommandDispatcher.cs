using CohortBot.Core.Cohorts;
using CohortBot.Core.Messages;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Commands;

/// <summary>
/// The one entry point for every adapter: finds the command, checks and types its options,
/// resolves the cohort and participant, enforces organizer-only commands, runs the handler, and
/// turns anything unexpected into a polite reply (after logging it).
/// </summary>
public sealed partial class CommandDispatcher(
    IEnumerable<ICommandHandler> handlers,
    ICohortResolver cohorts,
    ParticipantDirectory directory,
    IOrganizerPolicy organizers,
    MessageCatalogue catalogue,
    TimeProvider clock,
    ILogger<CommandDispatcher> logger)
{
    private readonly Dictionary<string, ICommandHandler> _handlers =
        handlers.ToDictionary(h => h.Command.Name, StringComparer.OrdinalIgnoreCase);

    public async Task<Reply> DispatchAsync(Invocation invocation, CancellationToken ct)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["Platform"] = invocation.User.Platform,
            ["User"] = invocation.User.UserId,
            ["Command"] = invocation.Command,
        });
        var t = catalogue.For(invocation.User.Locale);
        try
        {
            return await DispatchCoreAsync(invocation, t, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            LogFailed(ex, invocation.Command, reference);
            return Reply.Error(t["error.unexpected", new { reference }]);
        }
    }

    private async Task<Reply> DispatchCoreAsync(Invocation invocation, Texts t, CancellationToken ct)
    {
        if (!_handlers.TryGetValue(invocation.Command, out var handler))
        {
            return Reply.Error(t["command.unknown", new { command = Clip(invocation.Command), commands = CommandList() }]);
        }

        var bound = OptionBinder.Bind(handler.Command, invocation, t);
        if (bound.Invocation is null)
        {
            return Reply.Error(bound.Error!);
        }

        if (handler.Command.OrganizerOnly && !organizers.IsOrganizer(invocation.User))
        {
            LogRefusedOrganizerCommand(invocation.Command, invocation.User.Platform, invocation.User.UserId);
            return Reply.Error(t["organizer.only", new { command = handler.Command.Name }]);
        }

        var cohort = await cohorts.ResolveAsync(invocation, ct);
        if (invocation.User.Locale is null)
        {
            t = catalogue.For(cohort.Language);
        }

        Participant? participant = null;
        if (handler.NeedsParticipant)
        {
            var lookup = await directory.ResolveAsync(cohort, invocation.User, ct);
            if (lookup.Participant is null)
            {
                return Reply.Error(lookup.Refusal == ParticipantRefusal.Dropped
                    ? t["participant.dropped", new { cohort = cohort.Name }]
                    : t["participant.not_on_roster", new { cohort = cohort.Name }]);
            }

            participant = lookup.Participant;
            t = catalogue.For(participant.Language ?? invocation.User.Locale ?? participant.Locale ?? cohort.Language);
        }

        var context = new CommandContext(bound.Invocation, cohort, participant, t, invocation.ReceivedAt ?? clock.GetUtcNow());
        return await handler.HandleAsync(context, ct);
    }

    private string CommandList() => string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal).Select(n => "/" + n));

    private static string Clip(string text) => text.Length <= 32 ? text : string.Concat(text.AsSpan(0, 32), "…");

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} failed (reference {Reference})")]
    private partial void LogFailed(Exception ex, string command, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused organizer command {Command} for {Platform} user {UserId}: not an organizer")]
    private partial void LogRefusedOrganizerCommand(string command, string platform, string userId);
}
