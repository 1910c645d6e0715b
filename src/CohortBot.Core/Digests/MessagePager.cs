using CohortBot.Core.Commands;

namespace CohortBot.Core.Digests;

/// <summary>
/// For a reply a person asked for, never for a message the bot posts on its own (the digest is one
/// message with a CSV, <see cref="DigestLimits"/>). Packs long content into as many messages as it takes, each within the tightest platform
/// limits: Discord's 25 fields and 1024 characters per field value, and a total kept under
/// <see cref="MaxMessageChars"/> so Slack's block limits and Discord's 6000-character embed hold too.
/// </summary>
public static class MessagePager
{
    public const int MaxMessageChars = 1800;
    public const int MaxFields = 25;
    public const int MaxFieldValue = 1024;

    /// <summary>A titled list; a line is never split, but a section may continue in the next field or message.</summary>
    public sealed record Section(string Name, IReadOnlyList<string> Lines);

    public static IReadOnlyList<Reply> Pack(string title, string text, IEnumerable<Section> sections, string continued)
    {
        var pages = new List<Reply>();
        var fields = new List<ReplyField>();
        var size = title.Length + text.Length;

        foreach (var section in sections)
        {
            var name = section.Name;
            var lines = new List<string>();
            var length = 0;
            foreach (var raw in section.Lines.DefaultIfEmpty("-"))
            {
                var line = raw.Length > MaxFieldValue ? string.Concat(raw.AsSpan(0, MaxFieldValue - 1), "…") : raw;
                var needed = line.Length + (lines.Count > 0 ? 1 : 0);
                if (lines.Count > 0 && (length + needed > MaxFieldValue || size + name.Length + length + needed > MaxMessageChars))
                {
                    Commit(name, lines, length);
                    lines.Clear();
                    length = 0;
                    needed = line.Length;
                }

                if (size + name.Length + needed > MaxMessageChars || fields.Count == MaxFields)
                {
                    Flush();
                }

                lines.Add(line);
                length += needed;
            }

            Commit(name, lines, length);
        }

        if (fields.Count > 0 || pages.Count == 0)
        {
            Flush();
        }

        return pages;

        void Commit(string name, List<string> lines, int length)
        {
            if (fields.Count == MaxFields || size + name.Length + length > MaxMessageChars)
            {
                Flush();
            }

            fields.Add(new ReplyField(name, string.Join("\n", lines)));
            size += name.Length + length;
        }

        void Flush()
        {
            pages.Add(new Reply(pages.Count == 0 ? text : continued) { Title = title, Fields = fields.ToList(), Ephemeral = false });
            fields.Clear();
            size = title.Length + continued.Length;
        }
    }
}
