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
}
