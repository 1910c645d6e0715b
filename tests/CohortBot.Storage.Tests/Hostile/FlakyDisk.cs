namespace CohortBot.Storage.Tests.Hostile;

/// <summary>The switch of an injected "no space left on device" (ENOSPC) for the proof folder.</summary>
public sealed class FlakyDisk
{
    public volatile bool Full;
}
