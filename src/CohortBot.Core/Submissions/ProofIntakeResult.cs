using System.Globalization;

namespace CohortBot.Core.Submissions;

/// <summary>
/// What the intake made of an attachment: a staged file to keep after the row commits, or a
/// refusal. Disposing it deletes a staged file that was not kept.
/// </summary>
public sealed class ProofIntakeResult : IAsyncDisposable
{
    private readonly IProofStaging? _staging;
    private readonly object? _args;

    private ProofIntakeResult(ProofFile? file, IProofStaging? staging, string? errorKey, object? args)
    {
        File = file;
        _staging = staging;
        ErrorKey = errorKey;
        _args = args;
    }

    public ProofFile? File { get; }

    public string? ErrorKey { get; }

    /// <summary>The refusal as a sentence for the user, e.g. "Images up to 8 MB are accepted".</summary>
    public string ErrorText(Messages.Texts t) => t[ErrorKey!, _args];

    /// <summary>Moves the file into the store; call once the row that refers to it has committed.</summary>
    public Task KeepAsync(CancellationToken ct) => _staging?.KeepAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _staging?.DisposeAsync() ?? ValueTask.CompletedTask;

    public static ProofIntakeResult Staged(ProofFile file, IProofStaging staging) => new(file, staging, null, null);

    public static ProofIntakeResult TooLarge(long limit) => new(null, null, "proof.too_large", new { limit = Size(limit) });

    public static ProofIntakeResult NotAnImage() => new(null, null, "proof.not_image", null);

    public static ProofIntakeResult Unreadable() => new(null, null, "proof.unreadable", null);

    public static ProofIntakeResult Empty() => new(null, null, "proof.empty", null);

    public static ProofIntakeResult Damaged() => new(null, null, "proof.damaged", null);

    public static ProofIntakeResult BadName() => new(null, null, "proof.bad_name", null);

    public static ProofIntakeResult TooManyPixels(int width, int height, long limit) =>
        new(null, null, "proof.too_many_pixels", new { width, height, limit = (limit / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture) });

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
