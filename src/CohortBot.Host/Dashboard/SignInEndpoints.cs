using CohortBot.Core.Messages;
using CohortBot.Core.Organizers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// Sign-in by one-time link and sign-out. Opening the link only shows a button: the link is spent
/// by the POST it sends, so a chat app's link preview fetching the URL cannot use it up.
/// </summary>
internal static class SignInEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/signin", (string? token, [FromServices] MessageCatalogue catalogue) =>
        {
            var t = catalogue.For(MessageCatalogue.DefaultLanguage);
            var body = $"<h1>{Html.E(t["dashboard.signin.title"])}</h1><form method=\"post\" action=\"/dashboard/signin\">" +
                       $"<input type=\"hidden\" name=\"token\" value=\"{Html.E(token)}\"><button id=\"signin\">{Html.E(t["dashboard.signin.button"])}</button></form>";
            return Results.Content(Html.Page(null, t["dashboard.signin.title"], body), "text/html; charset=utf-8");
        });

        app.MapPost("/dashboard/signin", async (HttpContext http, [FromServices] SignInLinks links, [FromServices] DashboardSessions sessions, [FromServices] IOrganizerPolicy organizers, [FromServices] MessageCatalogue catalogue) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            // Not cancelled with the request: a link once taken is not lost halfway to its session.
            var user = await links.RedeemAsync(form["token"].FirstOrDefault(), CancellationToken.None);
            // The organizer list is read again now: a link issued to someone who is not (or no longer) an organizer signs nobody in.
            if (user is null || !organizers.IsOrganizer(user))
            {
                var t = catalogue.For(MessageCatalogue.DefaultLanguage);
                return Results.Content(Html.Page(null, t["dashboard.signin.title"], $"<p class=\"error\" id=\"refused\">{Html.E(t["dashboard.signin.refused"])}</p>"), "text/html; charset=utf-8", statusCode: 403);
            }

            var session = await sessions.StartAsync(user, CancellationToken.None);
            http.Response.Cookies.Append(DashboardSessions.CookieName, session.Id, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = "/dashboard",
                // Relative, so the browser's clock does not matter; the server ends the session at ExpiresAt whatever the cookie says.
                MaxAge = sessions.Lifetime,
                IsEssential = true,
            });
            return Results.Redirect("/dashboard", permanent: false, preserveMethod: false);
        });

        app.MapPost("/dashboard/signout", (HttpContext http, [FromServices] DashboardRequests requests, [FromServices] DashboardSessions sessions) => requests.ChangeAsync(http, async (viewer, _) =>
        {
            await sessions.EndAsync(viewer.Session.Id, CancellationToken.None);
            http.Response.Cookies.Delete(DashboardSessions.CookieName, new CookieOptions { Path = "/dashboard", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, HttpOnly = true });
            return Results.Content(Html.Page(null, viewer.T["dashboard.signed_out"], $"<p id=\"signed-out\">{Html.E(viewer.T["dashboard.signed_out"])}</p>"), "text/html; charset=utf-8");
        }));
    }
}
