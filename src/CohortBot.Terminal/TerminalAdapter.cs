using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Terminal;

/// <summary>
/// The embedded default adapter: reads commands line by line from standard input (a person or a
/// script) and prints replies. Lines run one after another, like a chat.
/// </summary>
public sealed partial class TerminalAdapter(
    TerminalIO io,
    CommandRunner runner,
    ICohortStore cohorts,
    ActiveCohort active,
    TerminalReaders readers,
    IOptions<TerminalOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<TerminalAdapter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var session = new TerminalSession(o.User, o.Locale);
        var cohort = await cohorts.FindAsync(active.Slug, stoppingToken)
            ?? throw new InvalidOperationException($"Cohort '{active.Slug}' is not in the database.");
        var t = await readers.TextsForUserAsync(session.User.UserId, session.User.Locale, stoppingToken);
        io.Write(t["terminal.welcome", new { cohort = cohort.Name, name = session.User.DisplayName }]);

        // Reading stdin cannot be cancelled on every platform, so it runs on its own and the
        // service simply stops waiting for it when the host shuts down.
        var loop = Task.Run(() => ReadLoopAsync(session, stoppingToken), CancellationToken.None);
        await Task.WhenAny(loop, Task.Delay(Timeout.Infinite, stoppingToken)).ConfigureAwait(false);
        if (loop.IsCompleted)
        {
            await loop;
            if (o.ExitOnEndOfInput && !stoppingToken.IsCancellationRequested)
            {
                LogEndOfInput();
                lifetime.StopApplication();
            }
        }
    }

    private async Task ReadLoopAsync(TerminalSession session, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            io.Prompt(ControlCharacters.CleanLine(session.User.DisplayName) + "> ");
            var line = await io.Input.ReadLineAsync(CancellationToken.None);
            io.LineRead();
            if (line is null || stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (io.EchoInput)
            {
                io.Write(ControlCharacters.CleanLine($"{session.User.DisplayName}> {line.Trim()}"));
            }

            if (line.Trim() is "/quit" or "/exit")
            {
                lifetime.StopApplication();
                return;
            }

            var reply = await ReplyToAsync(session, line);
            session.Remember(reply);
            io.Write(TerminalRenderer.Render(reply, await readers.ForUserAsync(session.User.UserId, session.User.Locale, CancellationToken.None)));
            foreach (var file in reply.Files)
            {
                io.Write($"  file: {TerminalFiles.Save(options.Value, file)}");
            }
        }
    }

    private async Task<Reply> ReplyToAsync(TerminalSession session, string line)
    {
        var read = session.Read(line);
        if (read.Answer is not null)
        {
            return read.Answer(await TextsAsync(session));
        }

        var invocation = LocalFiles.Attach(read.Invocation!, out var missingFile);
        if (missingFile is not null)
        {
            return Reply.Error((await TextsAsync(session))["terminal.file_missing", new { path = missingFile }]);
        }

        // Not the stopping token: a command that has started finishes, and shutdown waits for it.
        return await runner.RunAsync(invocation, CancellationToken.None);
    }

    private Task<Texts> TextsAsync(TerminalSession session) =>
        readers.TextsForUserAsync(session.User.UserId, session.User.Locale, CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Information, Message = "Standard input ended; stopping")]
    private partial void LogEndOfInput();
}
