using CohortBot.Core.Commands;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Roster;

/// <summary>Turns what an organizer typed into exactly one participant, or a reply saying why not.</summary>
public sealed class ParticipantFinder(IRosterAdmin roster)
{
    public async Task<(Participant? Participant, Reply? Refusal)> FindOneAsync(CommandContext ctx, string query, CancellationToken ct)
    {
        var t = ctx.T;
        var found = await roster.FindAsync(ctx.Cohort.Id, query.Trim(), ct);
        return found.Count switch
        {
            1 => (found[0], null),
            0 => (null, Reply.Error(t["participant.find.none", new { query }])),
            _ => (null, Reply.Error(t["participant.find.many", new { query, matches = string.Join(", ", found.Take(10).Select(p => $"{p.DisplayName} (#{p.Id})")) }])),
        };
    }
}
