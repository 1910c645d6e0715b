namespace CohortBot.Terminal;

/// <summary>
/// The terminal's input and output, one writer shared by replies and by messages the bot sends on
/// its own (DMs, announcements), so lines from two threads never interleave mid-line.
/// </summary>
public sealed class TerminalIO(TextReader input, TextWriter output, bool echoInput)
{
    private readonly Lock _gate = new();

    public TextReader Input { get; } = input;

    /// <summary>True when input is a file or pipe: commands are echoed so the transcript reads like a chat.</summary>
    public bool EchoInput { get; } = echoInput;

    public static TerminalIO FromConsole() => new(Console.In, Console.Out, Console.IsInputRedirected);

    public void Write(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }
}
