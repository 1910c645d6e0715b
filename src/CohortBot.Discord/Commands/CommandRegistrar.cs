using System.Security.Cryptography;
using CohortBot.Core.Commands;
using CohortBot.Core.Platform;
using CohortBot.Discord.Rest;
using CohortBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Commands;

/// <summary>
/// Bulk-overwrites the application's commands, but only when the body changed since the last
/// successful PUT: new commands in a bulk PUT count against Discord's 200 creates per day.
/// </summary>
public sealed partial class CommandRegistrar(
    DiscordRestClient rest,
    CommandPayloadBuilder builder,
    IPlatformStateStore state,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger)
{
    /// <summary>True when a PUT was sent; false when the stored hash showed nothing changed.</summary>
    public async Task<bool> RegisterAsync(CancellationToken ct)
    {
        var o = options.Value;
        var guild = string.IsNullOrWhiteSpace(o.GuildId) ? null : o.GuildId;
        var body = DiscordJson.Serialize(builder.Build(Catalogue.All, global: guild is null), DiscordJson.Context.IReadOnlyListApplicationCommand);
        var scope = guild is null ? "global" : "guild:" + guild;
        var key = "commands-hash:" + scope;
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (await state.GetAsync(DiscordChatPlatform.PlatformKey, key, ct) == hash)
        {
            LogUnchanged(scope);
            return false;
        }

        await rest.BulkOverwriteCommandsAsync(guild, body, ct);
        await state.SetAsync(DiscordChatPlatform.PlatformKey, key, hash, ct);
        LogRegistered(Catalogue.All.Count, scope);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Scope})")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands unchanged ({Scope}); not re-registered")]
    private partial void LogUnchanged(string scope);
}
