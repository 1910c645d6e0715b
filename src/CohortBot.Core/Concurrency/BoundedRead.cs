using System.Buffers;

namespace CohortBot.Core.Concurrency;

/// <summary>Copies a stream but never more than a limit, whatever the sender claimed its size was.</summary>
public static class BoundedRead
{
    /// <summary>Under the 85,000 bytes at which an array goes to the large-object heap.</summary>
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Copies at most <paramref name="limit"/> bytes through one small pooled buffer and returns how
    /// many; exactly <paramref name="limit"/> may mean the source had more.
    /// </summary>
    public static async Task<long> CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while (total < limit && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BufferSize, limit - total)), ct)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
