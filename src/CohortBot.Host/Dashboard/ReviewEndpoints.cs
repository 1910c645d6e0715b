using System.Text;
using CohortBot.Core.Commands;
using CohortBot.Core.Digests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// The review queue: opening the page runs <c>/review</c> as the organizer (claiming the oldest
/// proof under the same lease as chat), and its Approve / Reject buttons run <c>/approve</c> and
/// <c>/reject</c> with the reason typed here. The waiting count is live.
/// </summary>
internal static class ReviewEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/review", (HttpContext http, [FromServices] DashboardRequests requests, [FromServices] IDigestQueries queries) => requests.PageAsync(http, async viewer =>
        {
            var backlog = await Backlog(viewer, queries, http.RequestAborted);
            if (DashboardRequests.WantsFragment(http))
            {
                return DashboardRequests.Fragment(backlog);
            }

            var reply = await requests.RunAsync(viewer, Catalogue.Review.Name);
            return DashboardRequests.Html200(viewer, viewer.T["dashboard.nav.review"], Body(viewer, backlog, reply));
        }));

        app.MapPost("/dashboard/review/decide", (HttpContext http, [FromServices] DashboardRequests requests, [FromServices] IDigestQueries queries) => requests.ChangeAsync(http, async (viewer, form) =>
        {
            if (!ButtonAction.TryParse(form["action"].FirstOrDefault(), out var action) || (action.Command != Catalogue.Approve.Name && action.Command != Catalogue.Reject.Name))
            {
                return Results.BadRequest();
            }

            var options = action.Options.Select(o => (o.Key, (object?)o.Value)).ToList();
            if (action.Command == Catalogue.Reject.Name && form["reason"].FirstOrDefault() is { Length: > 0 } reason)
            {
                options.Add(("reason", reason));
            }

            var reply = await requests.RunAsync(viewer, action.Command, [.. options]);
            return DashboardRequests.Html200(viewer, viewer.T["dashboard.nav.review"], Body(viewer, await Backlog(viewer, queries, http.RequestAborted), reply));
        }));
    }

    private static async Task<string> Backlog(Viewer viewer, IDigestQueries queries, CancellationToken ct)
    {
        var backlog = await queries.ReviewBacklogAsync(viewer.Cohort.Id, ct);
        var t = viewer.T;
        return $"<p id=\"backlog\">{Html.E(t["digest.review", new { weekly = t.Plural("count.weekly_proofs", backlog.WeeklyPending), certificates = t.Plural("count.certificates", backlog.CertificatesPending) }])}</p>";
    }

    private static string Body(Viewer viewer, string backlog, Reply reply)
    {
        var csrf = Html.Csrf(viewer.Session);
        var t = viewer.T;
        var sb = new StringBuilder("<div data-live=\"/dashboard/review\">").Append(backlog).Append("</div>");
        sb.Append(ReplyHtml.Render(reply, viewer, button =>
        {
            if (!ButtonAction.TryParse(button.Action, out var action) || (action.Command != Catalogue.Approve.Name && action.Command != Catalogue.Reject.Name))
            {
                return null;
            }

            var reason = action.Command == Catalogue.Reject.Name
                ? $"<label>{Html.E(t["dashboard.review.reason"])} <textarea name=\"reason\" id=\"reason\" required maxlength=\"500\"></textarea></label>"
                : string.Empty;
            return $"<form method=\"post\" action=\"/dashboard/review/decide\" class=\"decide\">{csrf}<input type=\"hidden\" name=\"action\" value=\"{Html.E(button.Action)}\">{reason}<button id=\"{action.Command}\">{Html.E(button.Label)}</button></form>";
        }));
        sb.Append($"<p><a href=\"/dashboard/review\" id=\"next-proof\">{Html.E(t["dashboard.review.next"])}</a></p>");
        return sb.ToString();
    }
}
