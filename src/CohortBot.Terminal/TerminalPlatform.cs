using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Core.Text;
using Microsoft.Extensions.Options;

namespace CohortBot.Terminal;

/// <summary>Messages the bot sends on its own (DMs, channel posts) printed in the terminal, so a newcomer sees them without any token.</summary>
public sealed class TerminalPlatform(TerminalIO io, TerminalReaders readers, IOptions<TerminalOptions> options) : IChatPlatform
{
    public string Platform => TerminalSession.Platform;

    public async Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct) =>
        io.Write(ControlCharacters.CleanLine($"[DM to {platformUserId}]") + Environment.NewLine + TerminalRenderer.Render(message, await readers.ForUserAsync(platformUserId, null, ct)));

    public async Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct)
    {
        io.Write(ControlCharacters.CleanLine($"[#{channelId}]") + Environment.NewLine + TerminalRenderer.Render(message, await readers.ForChannelAsync(ct)));
        foreach (var file in message.Files)
        {
            // A channel post's files (the digest's CSV) are saved like a reply's.
            io.Write($"  file: {TerminalFiles.Save(options.Value, file)}");
        }
    }
}
