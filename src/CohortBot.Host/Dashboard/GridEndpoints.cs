using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Dashboard;

/// <summary>The participants × weeks grid: one coloured cell per week, search by name, "at risk", pages; live.</summary>
internal static class GridEndpoints
{
    private static readonly GridCell[] Legend = [GridCell.Approved, GridCell.Submitted, GridCell.Late, GridCell.Rejected, GridCell.Missing, GridCell.Excused, GridCell.Extended, GridCell.Open];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", (HttpContext http, [FromServices] DashboardRequests requests, [FromServices] ParticipantGrid grid, [FromServices] IOptions<DashboardOptions> options, string? q, string? risk, int? page) =>
            requests.PageAsync(http, async viewer =>
            {
                var atRisk = risk is "1" or "on" or "true";
                var result = await grid.PageAsync(viewer.Cohort, q, atRisk, page ?? 1, options.Value.PageSize, requests.Clock.GetUtcNow(), http.RequestAborted);
                var table = Table(result, viewer, q, atRisk);
                if (DashboardRequests.WantsFragment(http))
                {
                    return DashboardRequests.Fragment(table);
                }

                var t = viewer.T;
                var body = new StringBuilder()
                    .Append("<form method=\"get\" action=\"/dashboard\" id=\"filter\">")
                    .Append($"<input type=\"search\" name=\"q\" id=\"q\" value=\"{Html.E(q)}\" placeholder=\"{Html.E(t["dashboard.search"])}\"> ")
                    .Append($"<label><input type=\"checkbox\" name=\"risk\" value=\"1\" id=\"risk\"{(atRisk ? " checked" : string.Empty)}> {Html.E(t["dashboard.at_risk"])}</label> ")
                    .Append($"<button>{Html.E(t["dashboard.apply"])}</button></form><p>")
                    .AppendJoin(' ', Legend.Select(c => $"<span class=\"{c.Css()}\">&nbsp;{Html.E(Letter(c))}&nbsp;</span> {Html.E(t["dashboard.cell." + c.Css()])}"))
                    .Append("</p><div data-live id=\"grid\">").Append(table).Append("</div>");
                return DashboardRequests.Html200(viewer, t["dashboard.title", new { cohort = viewer.Cohort.Name }], body.ToString());
            }));
    }

    private static string Table(GridPage page, Viewer viewer, string? q, bool atRisk)
    {
        var t = viewer.T;
        var sb = new StringBuilder();
        sb.Append("<p id=\"matched\">").Append(Html.E(t["dashboard.matched", new { count = page.Matched, page = page.Page, pages = page.Pages }])).Append("</p>");
        sb.Append("<table class=\"grid\"><thead><tr><th>").Append(Html.E(t["dashboard.name"])).Append("</th>");
        foreach (var week in page.Weeks)
        {
            sb.Append("<th>").Append(Html.E(t["dashboard.week", new { week = week.Number }])).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in page.Rows)
        {
            var id = row.Participant.Id.ToString(CultureInfo.InvariantCulture);
            sb.Append("<tr data-participant=\"").Append(id).Append("\"><td><a href=\"/dashboard/participants/").Append(id).Append("\">")
              .Append(Html.E(row.Participant.DisplayName)).Append("</a> <small>#").Append(id).Append("</small>");
            if (row.Participant.Status == Core.Participants.ParticipantStatus.Dropped)
            {
                sb.Append(" <small>(").Append(Html.E(t["dashboard.dropped"])).Append(")</small>");
            }

            sb.Append("</td>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                sb.Append("<td class=\"c ").Append(cell.Css()).Append("\" data-week=\"").Append(page.Weeks[i].Number.ToString(CultureInfo.InvariantCulture))
                  .Append("\" title=\"").Append(Html.E(t["dashboard.cell." + cell.Css()])).Append("\">").Append(Letter(cell)).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table><nav>");
        string Link(int p) => $"/dashboard?q={Uri.EscapeDataString(q ?? string.Empty)}{(atRisk ? "&risk=1" : string.Empty)}&page={p}";
        if (page.Page > 1)
        {
            sb.Append($"<a href=\"{Html.E(Link(page.Page - 1))}\" id=\"prev\">{Html.E(t["dashboard.prev"])}</a> ");
        }

        if (page.Page < page.Pages)
        {
            sb.Append($"<a href=\"{Html.E(Link(page.Page + 1))}\" id=\"next\">{Html.E(t["dashboard.next"])}</a>");
        }

        return sb.Append("</nav>").ToString();
    }

    /// <summary>A letter too, so the grid reads without colour.</summary>
    private static string Letter(GridCell cell) => cell switch
    {
        GridCell.Approved => "✓",
        GridCell.Submitted => "S",
        GridCell.Late => "L",
        GridCell.Rejected => "R",
        GridCell.Missing => "✗",
        GridCell.Excused => "E",
        GridCell.Extended => "+",
        _ => "·",
    };
}
