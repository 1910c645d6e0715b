namespace CohortBot.Terminal;

/// <summary>
/// The terminal's input and output, one writer shared by replies and by messages the bot sends on
/// its own (DMs, announcements), so lines from two threads never interleave mid-line. A person at
/// a terminal gets a prompt naming who they are; a message arriving while they are at the prompt
/// is printed on its own line and the prompt shown again.
/// </summary>
public sealed class TerminalIO(TextReader input, TextWriter output, bool echoInput)
{
    private readonly Lock _gate = new();
    private string? _waitingPrompt;

    public TextReader Input { get; } = input;

    /// <summary>True when input is a file or pipe: commands are echoed so the transcript reads like a chat.</summary>
    public bool EchoInput { get; } = echoInput;

    /// <summary>A person is typing (input not redirected): prompts are shown. Scripts get none, so their transcript stays as it was.</summary>
    public bool ShowsPrompt => !EchoInput;

    public static TerminalIO FromConsole() => new(Console.In, Console.Out, Console.IsInputRedirected);

    public void Write(string text)
    {
        lock (_gate)
        {
            if (_waitingPrompt is not null)
            {
                output.WriteLine();
            }

            output.WriteLine(text);
            if (_waitingPrompt is not null)
            {
                output.Write(_waitingPrompt);
            }

            output.Flush();
        }
    }

    /// <summary>Shows <paramref name="prompt"/> (e.g. <c>alice&gt; </c>) before the next line is read, when a person is typing.</summary>
    public void Prompt(string prompt)
    {
        if (!ShowsPrompt)
        {
            return;
        }

        lock (_gate)
        {
            output.Write(prompt);
            output.Flush();
            _waitingPrompt = prompt;
        }
    }

    /// <summary>The line was read: the cursor is on a fresh line again.</summary>
    public void LineRead()
    {
        lock (_gate)
        {
            _waitingPrompt = null;
        }
    }
}
