using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Submissions;

/// <summary>
/// Turns an attachment into a staged proof file, streaming: the bytes are hashed while they are
/// copied to a temporary file in the proof folder through one small pooled buffer (never a growing
/// array, which would land on the large-object heap for every screenshot). The size is checked
/// before and while reading (a platform's declared size is not trusted), the type by magic bytes
/// and the declared dimensions from the first bytes, and the end of the file for truncation.
/// Nothing is kept until the caller's row has committed (<see cref="ProofIntakeResult.KeepAsync"/>).
/// </summary>
public sealed class ProofIntake(IProofFileStore files, IOptions<ProofOptions> options)
{
    /// <summary>Under the 85,000 bytes at which .NET puts an array on the large-object heap.</summary>
    public const int BufferSize = 64 * 1024;

    /// <summary>How much of the start is kept for the header checks.</summary>
    internal const int HeaderSize = 4096;

    private const int MaxNameLength = 255;

    public async Task<ProofIntakeResult> StoreAsync(Commands.InvocationAttachment attachment, CancellationToken ct)
    {
        var max = options.Value.MaxImageBytes;
        if (!IsPlainName(attachment.FileName))
        {
            return ProofIntakeResult.BadName();
        }

        if (attachment.DeclaredSize > max)
        {
            return ProofIntakeResult.TooLarge(max);
        }

        Stream source;
        try
        {
            source = await attachment.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or UnauthorizedAccessException)
        {
            return ProofIntakeResult.Unreadable();
        }

        await using (source)
        {
            var staging = files.Stage();
            try
            {
                var result = await CopyAndCheckAsync(source, staging, max, ct);
                if (result.File is null)
                {
                    await staging.DisposeAsync();
                }

                return result;
            }
            catch
            {
                await staging.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A name as a platform sends it: one path segment, no control characters, not absurdly long.</summary>
    internal static bool IsPlainName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && name is not "." and not ".."
        && !name.Contains('/') && !name.Contains('\\')
        && !name.Any(char.IsControl)
        && !name.Any(c => char.IsSurrogate(c) && !IsPaired(name, c));

    private static bool IsPaired(string name, char c)
    {
        var i = name.IndexOf(c, StringComparison.Ordinal);
        return char.IsHighSurrogate(c)
            ? i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])
            : i > 0 && char.IsHighSurrogate(name[i - 1]);
    }

    private async Task<ProofIntakeResult> CopyAndCheckAsync(Stream source, IProofStaging staging, long max, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var header = ArrayPool<byte>.Shared.Rent(HeaderSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var tail = new byte[ImageHeader.TailLength];
            var tailLength = 0;
            var headerLength = 0;
            string? type = null;
            long total = 0;
            int read;
            while ((read = await ReadAsync(source, buffer, ct)) > 0)
            {
                total += read;
                if (total > max)
                {
                    return ProofIntakeResult.TooLarge(max);
                }

                if (headerLength < HeaderSize)
                {
                    var take = Math.Min(read, HeaderSize - headerLength);
                    buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                    headerLength += take;
                    if (type is null && headerLength >= ImageHeader.MinimumHeader)
                    {
                        // Refuse a wrong type at the first bytes, before copying the rest.
                        type = ImageFormat.Detect(header.AsSpan(0, headerLength));
                        if (type is null)
                        {
                            return ProofIntakeResult.NotAnImage();
                        }

                        if (ImageHeader.Dimensions(type, header.AsSpan(0, headerLength)) is { } early && TooManyPixels(early) is { } bomb)
                        {
                            return bomb;
                        }
                    }
                }

                hash.AppendData(buffer, 0, read);
                await staging.Content.WriteAsync(buffer.AsMemory(0, read), ct);
                tailLength = KeepTail(tail, tailLength, buffer.AsSpan(0, read));
            }

            if (total == 0)
            {
                return ProofIntakeResult.Empty();
            }

            var head = header.AsSpan(0, headerLength);
            type ??= ImageFormat.Detect(head);
            if (type is null)
            {
                return ProofIntakeResult.NotAnImage();
            }

            var size = ImageHeader.Dimensions(type, head);
            if (size is null && type == "image/jpeg" && total > headerLength)
            {
                // The frame header came after more metadata than the kept start: walk the file.
                staging.Content.Position = 0;
                size = ImageHeader.JpegDimensions(staging.Content);
                staging.Content.Seek(0, SeekOrigin.End);
            }

            if (size is not { } s || s.Width <= 0 || s.Height <= 0 || !ImageHeader.IsComplete(type, tail.AsSpan(0, tailLength), head, total))
            {
                return ProofIntakeResult.Damaged();
            }

            if (TooManyPixels(s) is { } tooMany)
            {
                return tooMany;
            }

            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            await staging.SealAsync(sha, ct);
            return ProofIntakeResult.Staged(new ProofFile(sha, type, total), staging);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(header);
        }
    }

    private ProofIntakeResult? TooManyPixels((int Width, int Height) size)
    {
        var limit = options.Value.MaxImagePixels;
        return (long)size.Width * size.Height > limit ? ProofIntakeResult.TooManyPixels(size.Width, size.Height, limit) : null;
    }

    private static ValueTask<int> ReadAsync(Stream source, byte[] buffer, CancellationToken ct) =>
        source.ReadAsync(buffer.AsMemory(0, BufferSize), ct);

    private static int KeepTail(Span<byte> tail, int tailLength, ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length >= tail.Length)
        {
            chunk[^tail.Length..].CopyTo(tail);
            return tail.Length;
        }

        var keep = Math.Min(tailLength, tail.Length - chunk.Length);
        tail.Slice(tailLength - keep, keep).CopyTo(tail);
        chunk.CopyTo(tail[keep..]);
        return keep + chunk.Length;
    }
}
