using System.ComponentModel.DataAnnotations;

namespace CohortBot.Core.Flood;

/// <summary>
/// The per-person command limit (section <c>Flood</c>): a bucket of <see cref="Burst"/> commands,
/// refilled by one every <see cref="RefillEvery"/>. A person typing, clicking and resubmitting never
/// meets it; a script sending a hundred <c>/submit</c> a second does.
/// </summary>
public sealed class FloodOptions
{
    public const string Section = "Flood";

    [Range(1, 100_000, ErrorMessage = "Flood:Burst must be between 1 and 100000 commands.")]
    public int Burst { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "Flood:RefillEvery must be between 00:00:00.001 and 01:00:00.")]
    public TimeSpan RefillEvery { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Platforms not limited. The terminal is the operator's own console on the bot's machine, and
    /// scripts piped into it (a roster import, the README's example) send a line as fast as it is
    /// answered; nobody outside can flood it. A list given in configuration replaces this one.
    /// </summary>
    public List<string> ExemptPlatforms { get; set; } = ["terminal"];
}
