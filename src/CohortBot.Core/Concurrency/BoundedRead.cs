namespace CohortBot.Core.Concurrency;

/// <summary>Reads a stream into memory but never more than a limit, whatever the sender claimed its size was.</summary>
public static class BoundedRead
{
    /// <summary>At most <paramref name="limit"/> bytes; a result of exactly <paramref name="limit"/> bytes may mean the stream had more.</summary>
    public static async Task<byte[]> ReadAtMostAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
