namespace CohortBot.Core.Faults;

/// <summary>
/// Recognises a storage failure in an exception (the storage knows its own error codes), so the
/// dispatcher can answer "not saved, try again" instead of a generic apology, and log which fault.
/// </summary>
public interface IStorageFaults
{
    /// <summary>The fault behind <paramref name="exception"/> (or an inner one), or null when it is not a storage fault.</summary>
    StorageFault? Classify(Exception exception);
}
