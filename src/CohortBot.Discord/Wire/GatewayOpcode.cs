namespace CohortBot.Discord.Wire;

/// <summary>Gateway opcodes (Discord docs, "Gateway Opcodes"); the adapter sends 1, 2 and 6.</summary>
public enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    VoiceStateUpdate = 4,
    Resume = 6,
    Reconnect = 7,
    RequestGuildMembers = 8,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
