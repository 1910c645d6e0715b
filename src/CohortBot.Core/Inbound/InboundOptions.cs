using System.ComponentModel.DataAnnotations;

namespace CohortBot.Core.Inbound;

/// <summary>How the adapter runtime paces and keeps deliveries (section <c>Inbound</c>).</summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";

    /// <summary>Commands run at once; the rest wait in the queue (each is acknowledged in time whatever its place).</summary>
    [Range(1, 1024, ErrorMessage = "Inbound:Concurrency must be between 1 and 1024.")]
    public int Concurrency { get; set; } = 32;

    /// <summary>
    /// Deliveries held in memory waiting for a worker. Past this the bot acknowledges at once and
    /// leaves the delivery in the inbox, to be answered from there: memory stays flat past capacity.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Inbound:QueueCapacity must be between 1 and 1000000.")]
    public int QueueCapacity { get; set; } = 2048;

    /// <summary>Delivery ids remembered in memory to drop repeats before they cost a database write.</summary>
    [Range(16, 10_000_000, ErrorMessage = "Inbound:RecentCapacity must be between 16 and 10000000.")]
    public int RecentCapacity { get; set; } = 100_000;

    /// <summary>How often a delivery left in the inbox is tried again before it is given up (and logged).</summary>
    [Range(1, 100, ErrorMessage = "Inbound:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the inbox is checked for deliveries left unanswered (a failed answer, an overflow).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Inbound:SweepInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long answered deliveries are kept, so a late repeat of one is still recognised.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Inbound:Retention must be between 00:01:00 and 30.00:00:00.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
