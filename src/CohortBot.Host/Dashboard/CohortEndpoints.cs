using System.Globalization;
using System.Text;
using CohortBot.Core.Commands;
using CohortBot.Core.Digests;
using CohortBot.Core.Events;
using CohortBot.Core.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CohortBot.Host.Dashboard;

/// <summary>Events (seats, waitlist, attendance, a check-in code for the room), the completion report and the downloads: each the chat command's own output.</summary>
internal static class CohortEndpoints
{
    public static readonly string[] Downloads = ["participants", "submissions", "rsvps", "completion", "calendar"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/events", (HttpContext http, [FromServices] DashboardRequests requests, [FromServices] IEventStore events, [FromServices] IDigestQueries queries) => requests.PageAsync(http, async viewer =>
        {
            var table = await EventsAsync(viewer, events, queries, http.RequestAborted);
            return DashboardRequests.WantsFragment(http) ? DashboardRequests.Fragment(table) : DashboardRequests.Html200(viewer, viewer.T["dashboard.events.title"], Live(viewer, table));
        }));

        app.MapPost("/dashboard/events/checkin", (HttpContext http, [FromServices] DashboardRequests requests, [FromServices] IEventStore events, [FromServices] IDigestQueries queries) => requests.ChangeAsync(http, async (viewer, form) =>
        {
            var reply = await requests.RunAsync(viewer, Catalogue.CheckinOpen.Name, ("event", form["event"].FirstOrDefault()));
            return DashboardRequests.Html200(viewer, viewer.T["dashboard.events.title"], ReplyHtml.Render(reply, viewer) + Live(viewer, await EventsAsync(viewer, events, queries, http.RequestAborted)));
        }));

        app.MapGet("/dashboard/report", (HttpContext http, [FromServices] DashboardRequests requests) => requests.PageAsync(http, async viewer =>
        {
            var reply = await requests.RunAsync(viewer, Catalogue.Report.Name, ("kind", "completion"));
            var body = ReplyHtml.Render(reply, viewer) + $"<p><a href=\"/dashboard/download/completion\">completion-{Html.E(viewer.Cohort.Slug)}.csv</a></p>";
            return DashboardRequests.Html200(viewer, viewer.T["dashboard.nav.report"], body);
        }));

        app.MapGet("/dashboard/downloads", (HttpContext http, [FromServices] DashboardRequests requests) => requests.PageAsync(http, viewer =>
        {
            var links = string.Concat(Downloads.Select(k => $"<li><a href=\"/dashboard/download/{k}\" id=\"download-{k}\">{k}</a></li>"));
            return Task.FromResult(DashboardRequests.Html200(viewer, viewer.T["dashboard.downloads.title"], $"<h1>{Html.E(viewer.T["dashboard.downloads.title"])}</h1><ul>{links}</ul>"));
        }));

        app.MapGet("/dashboard/download/{kind}", (HttpContext http, [FromServices] DashboardRequests requests, string kind) => requests.PageAsync(http, async viewer =>
        {
            if (!Downloads.Contains(kind, StringComparer.Ordinal))
            {
                return Results.NotFound();
            }

            var reply = await requests.RunAsync(viewer, Catalogue.Export.Name, ("kind", kind));
            return reply.Files.FirstOrDefault() is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : DashboardRequests.Html200(viewer, viewer.T["dashboard.downloads.title"], ReplyHtml.Render(reply, viewer));
        }));
    }

    /// <summary>The heading, and the table that refetches itself when an RSVP or a check-in comes in from chat (<see cref="LivePulse"/>).</summary>
    private static string Live(Viewer viewer, string table) =>
        $"<h1>{Html.E(viewer.T["dashboard.events.title"])}</h1><div data-live=\"/dashboard/events\" id=\"events\">{table}</div>";

    private static async Task<string> EventsAsync(Viewer viewer, IEventStore events, IDigestQueries queries, CancellationToken ct)
    {
        var t = viewer.T;
        var all = await events.UpcomingAsync(viewer.Cohort.Id, viewer.Cohort.StartsAt, null, ct);
        var seats = all.Count == 0 ? new Dictionary<long, EventSeats>() : await events.SeatsAsync(all.Select(e => e.Id).ToList(), ct);
        // Every listed event's check-ins, also those made before its start (people come early).
        var attended = all.Count == 0 ? new Dictionary<string, EventAttendance>() : (await queries.AttendanceAsync(viewer.Cohort.Id, viewer.Cohort.StartsAt, all.Max(e => e.StartsAt).AddSeconds(1), ct)).ToDictionary(a => a.Key, StringComparer.Ordinal);
        var csrf = Html.Csrf(viewer.Session);
        var sb = new StringBuilder("<table class=\"grid\">");
        foreach (var e in all)
        {
            var s = seats.GetValueOrDefault(e.Id);
            var seatText = e.Capacity is { } capacity
                ? t["dashboard.events.seats", new { going = s?.Going ?? 0, capacity, waitlisted = s?.Waitlisted ?? 0 }]
                : t["dashboard.events.open_seats", new { going = s?.Going ?? 0 }];
            var checkedIn = attended.TryGetValue(e.Key, out var a) ? a.Attended.ToString(CultureInfo.InvariantCulture) + " " + t["dashboard.participant.attended"] : string.Empty;
            sb.Append("<tr data-event=\"").Append(Html.E(e.Key)).Append("\"><td>").Append(Html.E(viewer.Times.Format(e.StartsAt, TimeStyle.Full))).Append("</td><td>").Append(Html.E(e.Title)).Append(" <small>(").Append(Html.E(e.Key)).Append(")</small></td><td>")
              .Append(Html.E(seatText)).Append("</td><td>").Append(Html.E(checkedIn)).Append("</td><td>")
              .Append($"<form method=\"post\" action=\"/dashboard/events/checkin\">{csrf}<input type=\"hidden\" name=\"event\" value=\"{Html.E(e.Key)}\"><button>{Html.E(t["dashboard.events.checkin"])}</button></form>")
              .Append("</td></tr>");
        }

        return sb.Append("</table>").ToString();
    }
}
