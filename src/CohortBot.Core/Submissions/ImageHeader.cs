using System.Buffers.Binary;

namespace CohortBot.Core.Submissions;

/// <summary>
/// Reads an image's declared dimensions from its header, and tells whether its last bytes close
/// it properly, without decoding it. A small file may declare a huge canvas (a decompression bomb
/// for whoever opens it later: a reviewer's chat app, an export viewer), and a cut-off upload looks
/// like an image until someone opens it; both are refused before anything is kept.
/// </summary>
public static class ImageHeader
{
    /// <summary>Bytes of the start that <see cref="Dimensions(string, ReadOnlySpan{byte})"/> needs for PNG, GIF and WebP.</summary>
    public const int MinimumHeader = 32;

    /// <summary>Bytes at the end that <see cref="IsComplete"/> looks at.</summary>
    public const int TailLength = 16;

    private static readonly byte[] PngEnd = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    /// <summary>
    /// Width and height as declared by the first bytes, or null when the header is damaged or too
    /// short. For JPEG, whose size marker may come after metadata, null can also mean "not in these
    /// bytes": read it from the whole file with <see cref="JpegDimensions"/>.
    /// </summary>
    public static (int Width, int Height)? Dimensions(string type, ReadOnlySpan<byte> header) => type switch
    {
        "image/png" => Png(header),
        "image/gif" => Gif(header),
        "image/webp" => WebP(header),
        "image/jpeg" => JpegDimensions(new MemoryStream(header.ToArray(), writable: false)),
        _ => null,
    };

    /// <summary>The first start-of-frame marker's dimensions, walking the segments from the start of a seekable stream.</summary>
    public static (int Width, int Height)? JpegDimensions(Stream stream)
    {
        Span<byte> b = stackalloc byte[9];
        if (stream.ReadAtLeast(b[..2], 2, throwOnEndOfStream: false) < 2 || b[0] != 0xFF || b[1] != 0xD8)
        {
            return null;
        }

        while (true)
        {
            if (stream.ReadAtLeast(b[..1], 1, throwOnEndOfStream: false) < 1)
            {
                return null;
            }

            if (b[0] != 0xFF)
            {
                return null; // garbage between segments
            }

            int marker;
            do
            {
                marker = stream.ReadByte(); // 0xFF fill bytes may precede a marker
            }
            while (marker == 0xFF);

            switch (marker)
            {
                case < 0:
                case 0xD9: // end of image before any frame
                case 0xDA: // scan data before any frame header
                    return null;
                case 0x01:
                case >= 0xD0 and <= 0xD8:
                    continue; // markers without a length
            }

            if (stream.ReadAtLeast(b[..2], 2, throwOnEndOfStream: false) < 2)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b);
            if (length < 2)
            {
                return null;
            }

            if (IsStartOfFrame(marker))
            {
                if (length < 7 || stream.ReadAtLeast(b[..5], 5, throwOnEndOfStream: false) < 5)
                {
                    return null;
                }

                return (BinaryPrimitives.ReadUInt16BigEndian(b[3..]), BinaryPrimitives.ReadUInt16BigEndian(b[1..]));
            }

            var skip = length - 2;
            if (stream.Position + skip > stream.Length)
            {
                return null;
            }

            stream.Seek(skip, SeekOrigin.Current);
        }
    }

    /// <summary>Whether the last bytes end the image as its format requires (an upload cut short does not).</summary>
    /// <param name="type">The detected type.</param>
    /// <param name="tail">The last up to <see cref="TailLength"/> bytes.</param>
    /// <param name="header">The first bytes (WebP's declared length is there).</param>
    /// <param name="length">The whole length.</param>
    public static bool IsComplete(string type, ReadOnlySpan<byte> tail, ReadOnlySpan<byte> header, long length) => type switch
    {
        "image/png" => tail.EndsWith(PngEnd),
        "image/gif" => tail.Length > 0 && tail[^1] == 0x3B,
        "image/jpeg" => JpegEnds(tail),
        "image/webp" => header.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) + 8L == length,
        _ => false,
    };

    private static (int, int)? Png(ReadOnlySpan<byte> h)
    {
        // Signature, then the IHDR chunk: length 13, type, width and height (big-endian).
        if (h.Length < 24 || BinaryPrimitives.ReadUInt32BigEndian(h[8..]) != 13 || !h[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(h[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(h[20..]);
        return width > int.MaxValue || height > int.MaxValue ? (int.MaxValue, int.MaxValue) : ((int)width, (int)height);
    }

    private static (int, int)? Gif(ReadOnlySpan<byte> h) =>
        h.Length < 13 ? null : (BinaryPrimitives.ReadUInt16LittleEndian(h[6..]), BinaryPrimitives.ReadUInt16LittleEndian(h[8..]));

    private static (int, int)? WebP(ReadOnlySpan<byte> h)
    {
        if (h.Length < 30)
        {
            return null;
        }

        var chunk = h[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Key frame start code, then 14-bit width and height.
            return h[23] == 0x9D && h[24] == 0x01 && h[25] == 0x2A
                ? (BinaryPrimitives.ReadUInt16LittleEndian(h[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(h[28..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (h[20] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(h[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            return ((h[24] | h[25] << 8 | h[26] << 16) + 1, (h[27] | h[28] << 8 | h[29] << 16) + 1);
        }

        return null;
    }

    private static bool IsStartOfFrame(int marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static bool JpegEnds(ReadOnlySpan<byte> tail)
    {
        // Some cameras pad after the end-of-image marker with zeros.
        var end = tail.Length;
        while (end > 0 && tail[end - 1] == 0)
        {
            end--;
        }

        return end >= 2 && tail[end - 2] == 0xFF && tail[end - 1] == 0xD9;
    }
}
