namespace CohortBot.Core.Events;

/// <summary>What an edit did to the seats.</summary>
/// <param name="Promoted">Who moved up from the waitlist into seats a raised capacity freed, in waitlist order.</param>
/// <param name="Going">Seats taken after the edit (more than the capacity when it was lowered below them).</param>
public sealed record EventUpdate(IReadOnlyList<long> Promoted, int Going);
