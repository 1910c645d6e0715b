using System.Buffers.Binary;

namespace CohortBot.Testing;

/// <summary>
/// The smallest files that pass the proof checks as each image type (header, declared size, a
/// proper end), with any declared size, so tests can make valid images, bombs and cut-off ones.
/// </summary>
public static class TestImages
{
    public static readonly byte[] PngEnd = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    /// <summary>A PNG declaring <paramref name="width"/> × <paramref name="height"/>; the seed makes the bytes (and the hash) differ.</summary>
    public static byte[] Png(long seed = 0, uint width = 1, uint height = 1)
    {
        var bytes = new List<byte> { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' };
        bytes.AddRange(BigEndian(width));
        bytes.AddRange(BigEndian(height));
        bytes.AddRange([8, 2, 0, 0, 0, 0, 0, 0, 0]);
        bytes.AddRange(BitConverter.GetBytes(seed));
        bytes.AddRange(PngEnd);
        return [.. bytes];
    }

    /// <summary>A JPEG whose frame header comes after <paramref name="metadataBytes"/> of APP1 metadata (in 60 KB segments).</summary>
    public static byte[] Jpeg(ushort width = 1, ushort height = 1, int metadataBytes = 0, long seed = 0)
    {
        var bytes = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 };
        for (var left = metadataBytes; left > 0; left -= 60_000)
        {
            var n = Math.Min(left, 60_000);
            bytes.AddRange([0xFF, 0xE1, (byte)((n + 2) >> 8), (byte)(n + 2)]);
            bytes.AddRange(new byte[n]);
        }

        bytes.AddRange([0xFF, 0xC0, 0, 17, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        bytes.AddRange(BitConverter.GetBytes(seed));
        bytes.AddRange([0xFF, 0xD9]);
        return [.. bytes];
    }

    public static byte[] Gif(ushort width = 1, ushort height = 1) =>
        [.. "GIF89a"u8, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0, 0, 0, 0x2C, 0x3B];

    /// <summary>An extended WebP (VP8X) declaring its canvas.</summary>
    public static byte[] WebP(int width = 1, int height = 1)
    {
        var bytes = new byte[30];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 22);
        "WEBPVP8X"u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 10);
        Write24(bytes.AsSpan(24), width - 1);
        Write24(bytes.AsSpan(27), height - 1);
        return bytes;
    }

    private static byte[] BigEndian(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }

    private static void Write24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }
}
