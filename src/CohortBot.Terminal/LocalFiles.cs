using CohortBot.Core.Commands;

namespace CohortBot.Terminal;

/// <summary>In the terminal an attachment option is a local file path; it becomes an attachment here.</summary>
public static class LocalFiles
{
    /// <summary>Replaces path options with attachments; <paramref name="missingFile"/> names a path that does not exist.</summary>
    public static Invocation Attach(Invocation invocation, out string? missingFile)
    {
        missingFile = null;
        var command = Catalogue.Find(invocation.Command);
        if (command is null)
        {
            return invocation;
        }

        var options = new Dictionary<string, object?>(invocation.Options, StringComparer.OrdinalIgnoreCase);
        foreach (var option in command.Options.Where(o => o.Type == OptionType.Attachment))
        {
            if (!options.TryGetValue(option.Name, out var value) || value is not string path)
            {
                continue;
            }

            var full = Path.GetFullPath(path.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
                : path);
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                missingFile = path;
                return invocation;
            }

            options[option.Name] = new InvocationAttachment(info.Name, info.Length,
                ct => Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)));
        }

        return invocation with { Options = options };
    }
}
