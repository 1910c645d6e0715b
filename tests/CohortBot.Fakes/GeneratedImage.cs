using System.Globalization;

namespace CohortBot.Fakes;

/// <summary>
/// Proof images made up on request: a PNG signature and header, the seed, zeros, and the end
/// chunk, up to the size (the bot refuses an image cut off before its end). Every seed gives different bytes (so a content-addressed store keeps each one) without
/// the fake holding a megabyte per file. Named <c>gen-{seed}-{size}.png</c>.
/// </summary>
public static class GeneratedImage
{
    private const string Prefix = "gen-";
    private const int MaxSize = 64 * 1024 * 1024;
    private static readonly byte[] Header =
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    private static readonly byte[] End = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    private static readonly byte[] Zeros = new byte[256 * 1024];

    public static string Name(long seed, int size) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{seed}-{size}.png");

    public static bool TryParse(string name, out long seed, out int size)
    {
        seed = 0;
        size = 0;
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".png", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = name[Prefix.Length..^4].Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out seed)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out size)
            && size >= Header.Length + sizeof(long) + End.Length && size <= MaxSize;
    }

    public static async Task WriteAsync(Stream target, long seed, int size, CancellationToken ct)
    {
        var head = new byte[Header.Length + sizeof(long)];
        Header.CopyTo(head, 0);
        BitConverter.TryWriteBytes(head.AsSpan(Header.Length), seed);
        await target.WriteAsync(head, ct);
        for (var left = size - head.Length - End.Length; left > 0; left -= Zeros.Length)
        {
            await target.WriteAsync(Zeros.AsMemory(0, Math.Min(left, Zeros.Length)), ct);
        }

        await target.WriteAsync(End, ct);
    }
}
