using System.Text;
using CohortBot.Fakes;

namespace CohortBot.Host.Tests;

/// <summary>The terminal's standard output, kept whole; a test waits for text to appear (a pulse on every write, no polling).</summary>
internal sealed class WatchedOutput : TextWriter
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

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? string.Empty);

    public override void WriteLine(string? value) => Append((value ?? string.Empty) + "\n");

    public Task WaitForAsync(string expected) =>
        Eventually.TrueAsync(() => Text.Contains(expected, StringComparison.Ordinal), _written, $"'{expected}' in the terminal");

    private void Append(string value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }

        _written.Fire();
    }
}
