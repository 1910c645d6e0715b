using CohortBot.Core.Cohorts;
using CohortBot.Core.Messages;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;
using CohortBot.Core.Text;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Commands;

/// <summary>
/// The one entry point for every adapter: finds the command, checks and types its options,
/// resolves the cohort and participant, enforces organizer-only commands, runs the handler, and
/// turns anything unexpected into a polite reply (after logging it). Every reply, refusals and the
/// apology included, is in the caller's language (<see cref="ReaderLanguage"/>), which is why the
/// caller is looked up before anything else.
/// </summary>
public sealed partial class CommandDispatcher(
    CommandTable commands,
    IServiceProvider scope,
    ICohortResolver cohorts,
    IParticipantStore participants,
    ParticipantDirectory directory,
    IOrganizerPolicy organizers,
    MessageCatalogue catalogue,
    TimeProvider clock,
    Faults.IStorageFaults faults,
    Flood.FloodGate flood,
    ILogger<CommandDispatcher> logger)
{
    private const int MaxShownCommand = 32;

    public async Task<Reply> DispatchAsync(Invocation invocation, CancellationToken ct)
    {
        // A display name or locale from a platform is stored and shown to organizers: one line, no
        // control characters, bounded. The command name is echoed in replies and logs: no control characters either.
        invocation = invocation with { Command = ControlCharacters.CleanLine(invocation.Command), User = DisplayNames.Sanitize(invocation.User) };
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["Platform"] = invocation.User.Platform,
            ["User"] = invocation.User.UserId,
            ["Command"] = invocation.Command,
        });
        var t = catalogue.For(invocation.User.Locale);
        try
        {
            var cohort = await cohorts.ResolveAsync(invocation, ct);
            var known = await participants.FindByIdentityAsync(cohort.Id, invocation.User.Platform, invocation.User.UserId, ct);
            t = catalogue.For(ReaderLanguage.Of(known, invocation.User.Locale, cohort.Language));
            if (flood.Admit(invocation.User, out var firstRefusal) is { } wait)
            {
                return FloodRefusal(invocation, wait, firstRefusal, t);
            }

            return await DispatchCoreAsync(invocation, cohort, known, t, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (faults.Classify(ex) is { } fault)
        {
            // Nothing of the command was saved (a write commits whole or not at all): say so, and try again later.
            LogStorageFault(ex, invocation.Command, fault);
            return Reply.Error(t[StorageFaultKey(fault)]);
        }
        catch (Exception ex)
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            LogFailed(ex, invocation.Command, reference);
            return Reply.Error(t["error.unexpected", new { reference }]);
        }
    }

    private async Task<Reply> DispatchCoreAsync(Invocation invocation, Cohort cohort, Participant? known, Texts t, CancellationToken ct)
    {
        if (invocation.Problem is { } problem)
        {
            return Reply.Error(t[problem.Key, problem.Args]);
        }

        var isOrganizer = organizers.IsOrganizer(invocation.User);
        if (!commands.TryFind(invocation.Command, out var command))
        {
            return Reply.Error(t["command.unknown", new { command = Clip(invocation.Command), commands = CommandList(isOrganizer) }]);
        }

        // Before the options are checked: someone who may not run it learns nothing about them.
        if (command.OrganizerOnly && !isOrganizer)
        {
            LogRefusedOrganizerCommand(invocation.Command, invocation.User.Platform, invocation.User.UserId);
            return Reply.Error(t["organizer.only", new { command = command.Name }]);
        }

        var bound = OptionBinder.Bind(command, invocation, t);
        if (bound.Invocation is null)
        {
            return Reply.Error(bound.Error!);
        }

        var handler = CommandTable.HandlerOf(scope, command);
        Participant? participant = null;
        if (handler.NeedsParticipant)
        {
            var lookup = await directory.ResolveAsync(cohort, invocation.User, known, ct);
            if (lookup.Participant is null)
            {
                return Reply.Error(lookup.Refusal == ParticipantRefusal.Dropped
                    ? t["participant.dropped", new { cohort = cohort.Name }]
                    : t["participant.not_on_roster", new { cohort = cohort.Name }]);
            }

            participant = lookup.Participant;
            t = catalogue.For(ReaderLanguage.Of(participant, invocation.User.Locale, cohort.Language));
        }

        var context = new CommandContext(bound.Invocation, cohort, participant, t, invocation.ReceivedAt ?? clock.GetUtcNow());
        return await handler.HandleAsync(context, ct);
    }

    /// <summary>The commands the caller may run: organizer commands are not advertised to participants.</summary>
    private string CommandList(bool isOrganizer) => string.Join(", ", commands.All
        .Where(c => isOrganizer || !c.OrganizerOnly)
        .Select(c => "/" + c.Name)
        .Order(StringComparer.Ordinal));

    private static string Clip(string text) => text.Length <= MaxShownCommand ? text : string.Concat(text.AsSpan(0, MaxShownCommand), "…");

    /// <summary>Every command must be answered on its platform; the flood is logged once, not per command.</summary>
    private Reply FloodRefusal(Invocation invocation, TimeSpan wait, bool first, Texts t)
    {
        if (first)
        {
            LogFlood(invocation.User.Platform, invocation.User.UserId, invocation.Command);
        }

        return Reply.Warning(t["flood.slow_down", new { seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) }]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flood from {Platform} user {UserId} ({Command}…): commands refused until their limit refills")]
    private partial void LogFlood(string platform, string userId, string command);

    private static string StorageFaultKey(Faults.StorageFault fault) => "storage." + fault.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} not done: storage fault {Fault}")]
    private partial void LogStorageFault(Exception ex, string command, Faults.StorageFault fault);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} failed (reference {Reference})")]
    private partial void LogFailed(Exception ex, string command, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused organizer command {Command} for {Platform} user {UserId}: not an organizer")]
    private partial void LogRefusedOrganizerCommand(string command, string platform, string userId);
}
