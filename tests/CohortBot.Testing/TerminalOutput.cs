using System.Text;
using CohortBot.Fakes;

namespace CohortBot.Testing;

/// <summary>The terminal's standard output, kept whole; a test waits for text to appear (a pulse on every write, no polling).</summary>
public sealed class TerminalOutput : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();
    private readonly Pulse _written = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Where the transcript ends now, to wait for what comes after it.</summary>
    public int Mark => Text.Length;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? string.Empty);

    public override void WriteLine(string? value) => Append((value ?? string.Empty) + "\n");

    /// <summary>The transcript from <paramref name="from"/> once it contains <paramref name="expected"/>.</summary>
    public async Task<string> WaitForAsync(string expected, int from = 0)
    {
        try
        {
            await Eventually.TrueAsync(() => Text[from..].Contains(expected, StringComparison.Ordinal), _written, $"'{expected}' in the terminal");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} The terminal showed:\n{Text[from..]}", e);
        }

        return Text[from..];
    }

    private void Append(string value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }

        _written.Fire();
    }
}
