using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;
using Microsoft.AspNetCore.Http;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// What every page needs: the session from the cookie (or a refusal), the viewer, the CSRF check
/// of a change, and running a command as the signed-in organizer through the same runner as chat,
/// so its rules, claim lease, audit entry and the participant's DM are the chat command's own.
/// </summary>
internal sealed class DashboardRequests(
    DashboardSessions sessions,
    ICohortResolver cohorts,
    IParticipantStore participants,
    MessageCatalogue catalogue,
    CommandRunner runner,
    TimeProvider clock)
{
    public const string FragmentHeader = "X-Dashboard-Fragment";

    public TimeProvider Clock => clock;

    public static bool WantsFragment(HttpContext http) => http.Request.Headers.ContainsKey(FragmentHeader);

    public Task<DashboardSession?> SessionAsync(HttpContext http) => sessions.FindAsync(http.Request.Cookies[DashboardSessions.CookieName], http.RequestAborted);

    /// <summary>Runs <paramref name="page"/> for a signed-in organizer; anyone else gets the sign-in page (401).</summary>
    public async Task<IResult> PageAsync(HttpContext http, Func<Viewer, Task<IResult>> page)
    {
        if (await SessionAsync(http) is not { } session)
        {
            var t = catalogue.For(MessageCatalogue.DefaultLanguage);
            return Results.Content(Html.Page(null, t["dashboard.signin.title"], $"<p class=\"error\">{Html.E(t["dashboard.signin.needed"])}</p>"), "text/html; charset=utf-8", statusCode: 401);
        }

        return await page(await Viewer.OfAsync(session, cohorts, participants, catalogue, clock, http.RequestAborted));
    }

    /// <summary>
    /// A change: signed in, and the form carries the session's CSRF token (SameSite=Strict already
    /// keeps the cookie off other sites' requests; the token also stops a same-site page or a stale form).
    /// </summary>
    public Task<IResult> ChangeAsync(HttpContext http, Func<Viewer, IFormCollection, Task<IResult>> change) => PageAsync(http, async viewer =>
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        if (!viewer.Session.CsrfMatches(form["csrf"].FirstOrDefault()))
        {
            return Results.Content(Html.Page(viewer, viewer.T["dashboard.csrf"], $"<p class=\"error\">{Html.E(viewer.T["dashboard.csrf"])}</p>"), "text/html; charset=utf-8", statusCode: 403);
        }

        return await change(viewer, form);
    });

    public Task<Reply> RunAsync(Viewer viewer, string command, params (string Name, object? Value)[] options) =>
        runner.RunAsync(Invocation.Create(command, viewer.Session.User, options) with { ReceivedAt = clock.GetUtcNow() }, CancellationToken.None);

    public static IResult Html200(Viewer viewer, string title, string body) =>
        Results.Content(Html.Page(viewer, title, body), "text/html; charset=utf-8");

    public static IResult Fragment(string body) => Results.Content(body, "text/html; charset=utf-8");
}
