using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CohortBot.Host.Dashboard;

/// <summary>Server-rendered pages: encoding, the layout every page shares, and its one small script.</summary>
internal static class Html
{
    private const string Style = """
        body{font-family:'Noto Sans KR','NanumGothic',system-ui,sans-serif;margin:0;color:#222}
        header{background:#1565c0;color:#fff;padding:.5rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
        header a{color:#fff} header form{margin-left:auto} main{padding:1rem}
        table.grid{border-collapse:collapse;font-size:12px} table.grid td,table.grid th{border:1px solid #ddd;padding:2px 4px;white-space:nowrap}
        td.c{width:22px;text-align:center} .approved{background:#2e7d32;color:#fff}.submitted{background:#90caf9}.late{background:#f9a825}
        .rejected{background:#c62828;color:#fff}.missing{background:#424242;color:#fff}.excused{background:#b39ddb}.extended{background:#80deea}.open{background:#fff}
        .error{color:#c62828}.success{color:#2e7d32}.warning{color:#ef6c00} img.proof{max-width:480px;border:1px solid #ccc}
        .code{font-size:4rem;letter-spacing:.5rem;font-family:monospace}
        """;

    // Live updates: the server sends "change" events (SSE); the page refetches its own live part.
    private const string Script = """
        (function(){var live=document.querySelector('[data-live]');if(!live||!window.EventSource)return;
        var es=new EventSource('/dashboard/live');es.onopen=function(){document.body.dataset.live='open';};
        var url=live.getAttribute('data-live')||location.href;
        es.addEventListener('change',function(){fetch(url,{headers:{'X-Dashboard-Fragment':'1'}}).then(function(r){return r.ok?r.text():null;})
        .then(function(h){if(h!==null){live.innerHTML=h;document.body.dataset.updates=String(Number(document.body.dataset.updates||0)+1);}});});})();
        """;

    // Every script left as it is (Korean names stay readable in the source); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>Text with line breaks kept.</summary>
    public static string Lines(string? text) => E(text).Replace("&#xA;", "<br>", StringComparison.Ordinal);

    public static string Csrf(DashboardSession session) => $"<input type=\"hidden\" name=\"csrf\" value=\"{E(session.Csrf)}\">";

    public static string Page(Viewer? viewer, string title, string body, string lang = "en")
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"").Append(E(viewer?.T.Language ?? lang)).Append("\"><head><meta charset=\"utf-8\"><title>")
          .Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        if (viewer is not null)
        {
            var t = viewer.T;
            sb.Append("<header><strong>").Append(E(viewer.Cohort.Name)).Append("</strong>")
              .Append($"<a href=\"/dashboard\">{E(t["dashboard.nav.grid"])}</a>")
              .Append($"<a href=\"/dashboard/review\">{E(t["dashboard.nav.review"])}</a>")
              .Append($"<a href=\"/dashboard/events\">{E(t["dashboard.nav.events"])}</a>")
              .Append($"<a href=\"/dashboard/report\">{E(t["dashboard.nav.report"])}</a>")
              .Append($"<a href=\"/dashboard/downloads\">{E(t["dashboard.nav.downloads"])}</a>")
              .Append($"<form method=\"post\" action=\"/dashboard/signout\">{E(t["dashboard.signed_in_as", new { name = viewer.Session.User.DisplayName }])} {Csrf(viewer.Session)}<button>{E(t["dashboard.signout"])}</button></form></header>");
        }

        sb.Append("<main>").Append(body).Append("</main><script>").Append(Script).Append("</script></body></html>");
        return sb.ToString();
    }
}
