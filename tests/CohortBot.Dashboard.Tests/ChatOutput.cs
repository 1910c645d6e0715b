using System.Text;

namespace CohortBot.Dashboard.Tests;

/// <summary>The terminal's standard output, kept whole; a test waits for text to appear (a signal on every write, no polling).</summary>
internal sealed class ChatOutput : TextWriter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            Task written;
            lock (_gate)
            {
                var text = _text.ToString(from, _text.Length - from);
                if (text.Contains(expected, StringComparison.Ordinal))
                {
                    return text;
                }

                written = _written.Task;
            }

            try
            {
                await written.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"'{expected}' did not appear in the terminal:\n{Text[from..]}");
            }
        }
    }

    private void Append(string value)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            _text.Append(value);
            done = _written;
            _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }
}
