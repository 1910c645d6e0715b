namespace CohortBot.Core.Commands;

/// <summary>A command as adapters register it: name, options, and who may run it.</summary>
/// <param name="Name">Lowercase name without slash, e.g. <c>submit</c>.</param>
/// <param name="Options">Options, required ones first.</param>
/// <param name="OrganizerOnly">Checked by the dispatcher on every call; hiding it in a client is only a courtesy.</param>
public sealed record CommandDescriptor(string Name, IReadOnlyList<OptionDescriptor> Options, bool OrganizerOnly = false)
{
    /// <summary>Message-catalogue key of the command's description.</summary>
    public string DescriptionKey => $"command.{Name}.description";

    public OptionDescriptor? Option(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
}
