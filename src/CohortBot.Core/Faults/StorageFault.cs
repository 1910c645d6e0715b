namespace CohortBot.Core.Faults;

/// <summary>What went wrong with the bot's own storage, as far as a user's reply needs to know.</summary>
public enum StorageFault
{
    /// <summary>Another writer held the database past the busy timeout.</summary>
    Busy,

    /// <summary>The database or proof folder cannot be written (permissions, a read-only mount or file).</summary>
    ReadOnly,

    /// <summary>The disk, or the database's configured size limit, is full.</summary>
    Full,

    /// <summary>The database or a stored file is damaged.</summary>
    Corrupt,

    /// <summary>Any other I/O failure of the storage.</summary>
    Unavailable,
}
