namespace CohortBot.Discord.Gateway;

/// <summary>What a Resume needs: the session from READY, where to resume, and the last sequence seen.</summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public string? ResumeUrl { get; private set; }

    public long? Sequence => Interlocked.Read(ref _sequence) is var s && s >= 0 ? s : null;

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Started(string sessionId, string resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Saw(long sequence) => Interlocked.Exchange(ref _sequence, sequence);

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
