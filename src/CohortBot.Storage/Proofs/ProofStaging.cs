using CohortBot.Core.Submissions;
using Microsoft.Extensions.Logging;

namespace CohortBot.Storage.Proofs;

/// <summary>
/// One incoming image: <c>.incoming/&lt;guid&gt;.tmp</c> while it is written, renamed to
/// <c>.incoming/&lt;sha&gt;.&lt;guid&gt;.staged</c> once flushed to disk, moved to <c>ab/&lt;sha&gt;</c>
/// after its row commits. A <c>.tmp</c> file is never referred to by a row; a <c>.staged</c> one may
/// be, which is how start-up recovery tells the two apart.
/// </summary>
internal sealed partial class ProofStaging : IProofStaging
{
    private readonly FileSystemProofStore _store;
    private readonly ILogger _logger;
    private readonly string _id = Guid.NewGuid().ToString("N");
    private readonly FileStream _content;
    private string _path;
    private string? _sha;
    private bool _kept;

    public ProofStaging(FileSystemProofStore store, ILogger logger)
    {
        _store = store;
        _logger = logger;
        _path = Path.Combine(store.Incoming, _id + ".tmp");
        _content = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 0, FileOptions.Asynchronous);
    }

    public Stream Content => _content;

    public async Task SealAsync(string sha256, CancellationToken ct)
    {
        if (!FileSystemProofStore.IsHash(sha256))
        {
            throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));
        }

        await _content.FlushAsync(ct);
        _content.Flush(flushToDisk: true);
        await _content.DisposeAsync();
        var sealedPath = Path.Combine(_store.Incoming, $"{sha256}.{_id}.staged");
        File.Move(_path, sealedPath);
        _path = sealedPath;
        _sha = sha256;
    }

    public Task KeepAsync(CancellationToken ct)
    {
        if (_sha is null || _kept)
        {
            throw new InvalidOperationException("Only a sealed file can be kept, and only once.");
        }

        try
        {
            Place(_path, _store.PathOf(_sha));
            _kept = true;
        }
        catch (IOException ex)
        {
            // The row is committed: the file stays staged, and start-up recovery moves it into place.
            LogKeepFailed(ex, _sha);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _content.DisposeAsync();
        if (!_kept)
        {
            try
            {
                File.Delete(_path);
            }
            catch (IOException ex)
            {
                LogDiscardFailed(ex, _path);
            }
        }
    }

    /// <summary>Moves a sealed file to its place; the same bytes already there make it redundant.</summary>
    internal static void Place(string staged, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(staged, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(staged); // the same bytes arrived twice; one copy is enough
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proof file {Sha256} stays staged: moving it into place failed; start-up recovery will finish it")]
    private partial void LogKeepFailed(Exception ex, string sha256);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A discarded proof file {Path} could not be deleted; start-up recovery will delete it")]
    private partial void LogDiscardFailed(Exception ex, string path);
}
