using System.Text;
using CohortBot.Core.Commands;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// A command's reply as HTML, so the dashboard shows exactly what chat shows: title, text (times in
/// the organizer's zone), fields, images inline, and buttons as forms that run the same command.
/// </summary>
internal static class ReplyHtml
{
    public static string Render(Reply reply, Viewer viewer, Func<ReplyButton, string?>? button = null)
    {
        var sb = new StringBuilder("<section class=\"reply ").Append(reply.Tone.ToString().ToLowerInvariant()).Append("\">");
        if (reply.Title is { } title)
        {
            sb.Append("<h2>").Append(Html.E(viewer.Times.Render(title))).Append("</h2>");
        }

        sb.Append("<p class=\"").Append(reply.Tone.ToString().ToLowerInvariant()).Append("\">").Append(Html.Lines(viewer.Times.Render(reply.Text))).Append("</p>");
        if (reply.Fields.Count > 0)
        {
            sb.Append("<dl>");
            foreach (var field in reply.Fields)
            {
                sb.Append("<dt>").Append(Html.E(viewer.Times.Render(field.Name))).Append("</dt><dd>").Append(Html.Lines(viewer.Times.Render(field.Value))).Append("</dd>");
            }

            sb.Append("</dl>");
        }

        foreach (var file in reply.Files.Where(f => f.ContentType.StartsWith("image/", StringComparison.Ordinal)))
        {
            sb.Append("<img class=\"proof\" alt=\"").Append(Html.E(file.FileName)).Append("\" src=\"data:").Append(Html.E(file.ContentType))
              .Append(";base64,").Append(Convert.ToBase64String(file.Content)).Append("\">");
        }

        if (button is not null)
        {
            foreach (var b in reply.Buttons)
            {
                sb.Append(button(b));
            }
        }

        return sb.Append("</section>").ToString();
    }
}
