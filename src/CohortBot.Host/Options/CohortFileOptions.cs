using System.ComponentModel.DataAnnotations;

namespace CohortBot.Host.Options;

/// <summary>Where the cohort definition is (section <c>Cohort</c>).</summary>
public sealed class CohortFileOptions
{
    public const string Section = "Cohort";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Cohort:File is required: the path of the cohort definition, e.g. config/cohort.yaml.")]
    public string File { get; set; } = "config/cohort.yaml";

    /// <summary>
    /// A relative path is from the current directory, and only from there: a copy beside the
    /// program (left by a build) would be a stale cohort that nobody edits.
    /// </summary>
    public string Resolve() => Path.GetFullPath(File);
}
