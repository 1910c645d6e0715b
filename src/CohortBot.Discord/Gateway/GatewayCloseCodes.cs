namespace CohortBot.Discord.Gateway;

/// <summary>Discord's gateway close codes, and what each means for reconnecting.</summary>
public static class GatewayCloseCodes
{
    public const int AuthenticationFailed = 4004;
    public const int InvalidSeq = 4007;
    public const int SessionTimedOut = 4009;

    /// <summary>Reconnecting cannot help; an operator must fix configuration.</summary>
    public static bool IsFatal(int code) => code is AuthenticationFailed or (>= 4010 and <= 4014);

    /// <summary>The session is gone: reconnect with a fresh Identify.</summary>
    public static bool NeedsNewSession(int code) => code is InvalidSeq or SessionTimedOut;

    public static string Describe(int code) => code switch
    {
        4004 => "authentication failed: check Discord:Token",
        4010 => "invalid shard",
        4011 => "sharding required",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents (enable them in the Developer Portal or remove them)",
        _ => "close code " + code,
    };
}
