using System.ComponentModel.DataAnnotations;

namespace CohortBot.Host.Options;

/// <summary>Where the cohort definition is (section <c>Cohort</c>).</summary>
public sealed class CohortFileOptions
{
    public const string Section = "Cohort";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Cohort:File is required: the path of the cohort definition, e.g. config/cohort.yaml.")]
    public string File { get; set; } = "config/cohort.yaml";

    /// <summary>
    /// Relative paths are tried from the current directory first, then beside the program, so
    /// <c>dotnet run</c> from the repository and the published image both find the sample.
    /// </summary>
    public string Resolve()
    {
        if (Path.IsPathRooted(File) || System.IO.File.Exists(File))
        {
            return Path.GetFullPath(File);
        }

        var besideProgram = Path.Combine(AppContext.BaseDirectory, File);
        return System.IO.File.Exists(besideProgram) ? besideProgram : Path.GetFullPath(File);
    }
}
