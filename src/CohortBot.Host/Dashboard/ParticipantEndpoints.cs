using System.Globalization;
using System.Text;
using CohortBot.Core.Audit;
using CohortBot.Core.Events;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Core.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CohortBot.Host.Dashboard;

/// <summary>One participant: their latest proof per week with its image, certificate, RSVPs and attendance, and the audit entries about them.</summary>
internal static class ParticipantEndpoints
{
    private const int AuditShown = 50;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/participants/{id:long}", (HttpContext http, long id, [FromServices] DashboardRequests requests, [FromServices] IParticipantStore participants, [FromServices] ISubmissionStore submissions, [FromServices] IEventStore events, [FromServices] IParticipantAudit audit) =>
            requests.PageAsync(http, async viewer =>
            {
                var ct = http.RequestAborted;
                var t = viewer.T;
                if (await participants.GetAsync(id, ct) is not { } p || p.CohortId != viewer.Cohort.Id)
                {
                    return Results.Content(Html.Page(viewer, t["dashboard.not_found"], $"<p class=\"error\">{Html.E(t["dashboard.not_found"])}</p>"), "text/html; charset=utf-8", statusCode: 404);
                }

                var sb = new StringBuilder($"<h1>{Html.E(p.DisplayName)} <small>#{id}</small></h1>");
                sb.Append($"<h2>{Html.E(t["dashboard.participant.proofs"])}</h2><ul id=\"proofs\">");
                var weekly = (await submissions.LatestWeeklyAsync(id, ct)).OrderBy(s => s.WeekNumber).ToList();
                foreach (var s in weekly)
                {
                    sb.Append("<li>").Append(Html.E(t["dashboard.participant.proof_line", new { week = s.WeekNumber, attempt = s.Attempt, at = viewer.Times.Format(s.SubmittedAt, TimeStyle.Full), status = Status(s.Status, s.IsLate, t) }]));
                    Link(sb, s.Url);
                    if (s.ReviewReason is { } reason)
                    {
                        sb.Append(" — ").Append(Html.E(reason));
                    }

                    if (s.File is not null)
                    {
                        sb.Append($"<br><img class=\"proof\" alt=\"week {s.WeekNumber}\" src=\"/dashboard/participants/{id}/weeks/{s.WeekNumber}/image\">");
                    }

                    sb.Append("</li>");
                }

                if (weekly.Count == 0)
                {
                    sb.Append("<li>").Append(Html.E(t["dashboard.participant.none"])).Append("</li>");
                }

                sb.Append($"</ul><h2>{Html.E(t["dashboard.participant.certificate"])}</h2>");
                if (await submissions.LatestCertificateAsync(id, ct) is { } c)
                {
                    sb.Append("<p>").Append(Html.E(c.CertificateKey)).Append(", ").Append(Html.E(viewer.Times.Format(c.SubmittedAt, TimeStyle.Full))).Append(": ").Append(Html.E(Status(c.Status, c.IsLate, t)));
                    Link(sb, c.Url);
                    sb.Append("</p>");
                }
                else
                {
                    sb.Append("<p>").Append(Html.E(t["dashboard.participant.no_certificate"])).Append("</p>");
                }

                sb.Append($"<h2>{Html.E(t["dashboard.participant.rsvps"])}</h2><ul>");
                foreach (var r in await events.RsvpsOfAsync(id, ct))
                {
                    sb.Append("<li>").Append(Html.E(r.Event.Title)).Append(" (").Append(Html.E(viewer.Times.Format(r.Event.StartsAt, TimeStyle.Full))).Append("): ")
                      .Append(Html.E(r.Status?.ToString().ToLowerInvariant() ?? "-")).Append(r.Attended ? ", " + Html.E(t["dashboard.participant.attended"]) : string.Empty).Append("</li>");
                }

                sb.Append($"</ul><h2>{Html.E(t["dashboard.participant.audit"])}</h2><ul id=\"audit\">");
                foreach (var e in await audit.AboutAsync(viewer.Cohort.Id, id, AuditShown, ct))
                {
                    sb.Append("<li>").Append(Html.E(viewer.Times.Format(e.At, TimeStyle.Full))).Append(" · ").Append(Html.E(e.Actor)).Append(" · ").Append(Html.E(e.Action))
                      .Append(" · ").Append(Html.E(e.Subject)).Append(e.After is null ? string.Empty : " · " + Html.E(e.After)).Append("</li>");
                }

                sb.Append("</ul>");
                return DashboardRequests.Html200(viewer, p.DisplayName, sb.ToString());
            }));

        app.MapGet("/dashboard/participants/{id:long}/weeks/{week:int}/image", (HttpContext http, long id, int week, [FromServices] DashboardRequests requests, [FromServices] IParticipantStore participants, [FromServices] ISubmissionStore submissions, [FromServices] IProofFileStore files) =>
            requests.PageAsync(http, async viewer =>
            {
                if (await participants.GetAsync(id, http.RequestAborted) is not { } p || p.CohortId != viewer.Cohort.Id
                    || (await submissions.LatestWeeklyAsync(id, http.RequestAborted)).FirstOrDefault(s => s.WeekNumber == week)?.File is not { } file
                    || files.Open(file.Sha256) is not { } stream)
                {
                    return Results.NotFound();
                }

                return Results.Stream(stream, file.ContentType);
            }));
    }

    private static void Link(StringBuilder sb, string? url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp))
        {
            sb.Append(" <a rel=\"noopener noreferrer\" href=\"").Append(Html.E(link.AbsoluteUri)).Append("\">").Append(Html.E(link.Host)).Append("</a>");
        }
    }

    private static string Status(ReviewStatus status, bool late, Core.Messages.Texts t) => status switch
    {
        ReviewStatus.Approved => t["dashboard.cell.approved"],
        ReviewStatus.Rejected => t["dashboard.cell.rejected"],
        _ => late ? t["dashboard.cell.late"] : t["dashboard.cell.submitted"],
    };
}
