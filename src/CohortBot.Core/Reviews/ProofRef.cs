using System.Globalization;

namespace CohortBot.Core.Reviews;

/// <summary>
/// Which proof a review button or command acts on: <c>w12</c> is weekly submission 12, <c>c5</c>
/// certificate submission 5. Short, so it fits a button's custom id.
/// </summary>
public readonly record struct ProofRef(ProofKind Kind, long Id)
{
    public override string ToString() =>
        (Kind == ProofKind.Weekly ? "w" : "c") + Id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out ProofRef proof)
    {
        proof = default;
        if (text is not { Length: >= 2 and <= 20 })
        {
            return false;
        }

        var kind = char.ToLowerInvariant(text[0]) switch
        {
            'w' => ProofKind.Weekly,
            'c' => ProofKind.Certificate,
            _ => (ProofKind?)null,
        };
        if (kind is null || !long.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        proof = new ProofRef(kind.Value, id);
        return true;
    }
}
