using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;

namespace CohortBot.Core.Dashboard;

/// <summary>
/// <c>/dashboard</c> (organizers): a one-time sign-in link, always by DM — a link in a channel
/// reply could be seen over a shoulder or in a shared log; in the terminal the DM is printed.
/// </summary>
public sealed class DashboardHandler(IEnumerable<IDashboardLinks> links, IEnumerable<IChatPlatform> platforms) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Dashboard;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        if (links.FirstOrDefault() is not { } issuer)
        {
            return Reply.Error(ctx.T["dashboard.off"]);
        }

        var user = ctx.Invocation.User;
        var platform = platforms.FirstOrDefault(p => string.Equals(p.Platform, user.Platform, StringComparison.OrdinalIgnoreCase));
        if (platform is null)
        {
            return Reply.Error(ctx.T["dashboard.no_dm", new { platform = user.Platform }]);
        }

        var minutes = (int)issuer.Lifetime.TotalMinutes;
        var url = await issuer.IssueAsync(user, ct);
        await platform.SendDirectAsync(user.UserId, new Reply(ctx.T["dashboard.link", new { minutes, url = url.ToString() }]), ct);
        return Reply.Success(ctx.T["dashboard.sent", new { minutes }]);
    }
}
