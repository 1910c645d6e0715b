namespace CohortBot.Host.Startup;

/// <summary>
/// Standard input as the terminal adapter reads it, counting the lines. When no chat platform is
/// configured and input ends before a single line (<c>docker run</c> without <c>-it</c> and
/// without tokens), the bot has nothing to serve: Program says what it needs and exits 2,
/// instead of a silent exit 0.
/// </summary>
internal sealed class TerminalInput(TextReader inner) : TextReader
{
    private int _lines;

    public bool EndedBeforeAnyLine { get; private set; }

    public override string? ReadLine() => Count(inner.ReadLine());

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        Count(await inner.ReadLineAsync(cancellationToken));

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    public override int Peek() => inner.Peek();

    public override int Read() => inner.Read();

    private string? Count(string? line)
    {
        if (line is null)
        {
            EndedBeforeAnyLine = _lines == 0;
        }
        else
        {
            _lines++;
        }

        return line;
    }
}
