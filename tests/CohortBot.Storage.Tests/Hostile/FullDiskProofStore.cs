using CohortBot.Core.Submissions;

namespace CohortBot.Storage.Tests.Hostile;

/// <summary>
/// The real proof store, with the I/O error a full disk gives (ENOSPC, "No space left on device")
/// injected into writes of incoming files while <see cref="FlakyDisk.Full"/> is on.
/// </summary>
public sealed class FullDiskProofStore(IProofFileStore inner, FlakyDisk disk) : IProofFileStore
{
    public IProofStaging Stage() => new Staging(inner.Stage(), disk);

    public Stream? Open(string sha256) => inner.Open(sha256);

    public bool Delete(string sha256) => inner.Delete(sha256);

    private sealed class Staging(IProofStaging inner, FlakyDisk disk) : IProofStaging
    {
        public Stream Content { get; } = new FullStream(inner.Content, disk);

        public Task SealAsync(string sha256, CancellationToken ct) => inner.SealAsync(sha256, ct);

        public Task KeepAsync(CancellationToken ct) => inner.KeepAsync(ct);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class FullStream(Stream inner, FlakyDisk disk) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (disk.Full)
            {
                throw new IOException("No space left on device", 28);
            }

            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            disk.Full ? ValueTask.FromException(new IOException("No space left on device", 28)) : inner.WriteAsync(buffer, cancellationToken);
    }
}
