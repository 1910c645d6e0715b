using CohortBot.Core.Commands;

namespace CohortBot.Terminal;

/// <summary>Files the bot sends (exports, calendars, the digest's CSV) land in <see cref="TerminalOptions.FilesDirectory"/>.</summary>
public static class TerminalFiles
{
    /// <summary>Writes <paramref name="file"/> under its own name (never a path it carries) and returns where.</summary>
    public static string Save(TerminalOptions options, ReplyFile file)
    {
        var folder = Path.GetFullPath(options.FilesDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(file.FileName));
        File.WriteAllBytes(path, file.Content);
        return path;
    }
}
