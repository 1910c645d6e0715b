using System.Text;
using CohortBot.Core.Commands;
using CohortBot.Core.Text;
using CohortBot.Core.Time;

namespace CohortBot.Terminal;

/// <summary>
/// Renders a neutral reply as plain text: tone mark, title, text, indented fields, buttons as
/// numbered choices the user can pick by typing the number, and a form as the command to type.
/// Times are shown in the given zone with the UTC offset. Control characters are removed from
/// whatever is printed (text stored before they were refused on the way in included), so nothing
/// shown can clear, recolour or ring the reader's terminal.
/// </summary>
public static class TerminalRenderer
{
    public static string Render(Reply reply, ZonedTimeFormatter times)
    {
        var sb = new StringBuilder();
        if (reply.Title is not null)
        {
            sb.Append("== ").Append(reply.Title).AppendLine(" ==");
        }

        sb.Append(Mark(reply.Tone)).Append(' ').AppendLine(times.Render(reply.Text));
        foreach (var field in reply.Fields)
        {
            sb.Append("  ").AppendLine(times.Render(field.Name));
            foreach (var line in times.Render(field.Value).Split('\n'))
            {
                sb.Append("      ").AppendLine(line);
            }
        }

        for (var i = 0; i < reply.Buttons.Count; i++)
        {
            sb.Append("  [").Append(i + 1).Append("] ").AppendLine(reply.Buttons[i].Label);
        }

        if (reply.Form is { } form)
        {
            sb.Append("  ").Append(form.Title).Append(": /").Append(form.Command);
            foreach (var (name, value) in form.Fixed)
            {
                sb.Append(' ').Append(name).Append(':').Append(value);
            }

            foreach (var field in form.Fields)
            {
                var hint = field.IsFile ? "<path to image>" : $"<{field.Option}>";
                sb.Append(field.Required ? $" {field.Option}:{hint}" : $" [{field.Option}:{hint}]");
            }

            sb.AppendLine();
        }

        return ControlCharacters.CleanMultiline(sb.ToString()).TrimEnd();
    }

    private static string Mark(ReplyTone tone) => tone switch
    {
        ReplyTone.Success => "[ok]",
        ReplyTone.Warning => "[!]",
        ReplyTone.Error => "[x]",
        _ => "[i]",
    };
}
