using Microsoft.Extensions.Options;

namespace CohortBot.Core.Submissions;

/// <summary>
/// Turns an attachment into a stored proof file: size checked before and while reading (a
/// platform's declared size is not trusted), type checked by magic bytes, then saved.
/// </summary>
public sealed class ProofIntake(IProofFileStore files, IOptions<ProofOptions> options)
{
    public async Task<ProofIntakeResult> StoreAsync(Commands.InvocationAttachment attachment, CancellationToken ct)
    {
        var max = options.Value.MaxImageBytes;
        if (attachment.DeclaredSize > max)
        {
            return ProofIntakeResult.TooLarge(max);
        }

        byte[] content;
        try
        {
            await using var stream = await attachment.OpenAsync(ct);
            content = await Concurrency.BoundedRead.ReadAtMostAsync(stream, max + 1, ct);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or UnauthorizedAccessException)
        {
            return ProofIntakeResult.Unreadable();
        }

        if (content.LongLength > max)
        {
            return ProofIntakeResult.TooLarge(max);
        }

        var type = ImageFormat.Detect(content);
        if (type is null)
        {
            return ProofIntakeResult.NotAnImage();
        }

        return ProofIntakeResult.Stored(await files.SaveAsync(content, type, ct));
    }
}

public sealed record ProofIntakeResult(ProofFile? File, string? ErrorKey, long? Limit)
{
    /// <summary>The refusal as a sentence for the user, e.g. "Images up to 8 MB are accepted".</summary>
    public string ErrorText(Messages.Texts t) => t[ErrorKey!, new { limit = Size(Limit ?? 0) }];

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " KB";

    public static ProofIntakeResult Stored(ProofFile file) => new(file, null, null);

    public static ProofIntakeResult TooLarge(long limit) => new(null, "proof.too_large", limit);

    public static ProofIntakeResult NotAnImage() => new(null, "proof.not_image", null);

    public static ProofIntakeResult Unreadable() => new(null, "proof.unreadable", null);
}
