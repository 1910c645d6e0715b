using System.Globalization;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Submissions;
using CohortBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Reviews;

/// <summary>
/// Shows one claimed proof to its reviewer: who (name, <c>#id</c> and handle), what, when, late or
/// not, whether its image is a duplicate of another submission (and of which), and the two buttons.
/// A proof file that fails its checksum is not shown, and the reviewer is told.
/// </summary>
public sealed partial class ReviewCard(IProofFileStore proofs, IDuplicateProofs duplicates, ILogger<ReviewCard> logger)
{
    /// <summary>Other submissions of the same image named on the card; the rest are counted.</summary>
    public const int DuplicatesShown = 3;

    public async Task<Reply> ShowAsync(ReviewItem item, int left, int? week, Texts t, CancellationToken ct, string? preface = null)
    {
        var heading = item.WeekNumber is { } n
            ? t["review.card.week", new { name = item.ParticipantName, week = n }]
            : t["review.card.certificate", new { name = item.ParticipantName, certificate = item.CertificateKey }];
        var filter = week is null ? Array.Empty<(string, string)>() : [("week", week.Value.ToString(CultureInfo.InvariantCulture))];
        var fields = new List<ReplyField>
        {
            new(t["field.participant"], item.ParticipantLabel, Inline: true),
            new(item.WeekNumber is null ? t["field.certificate"] : t["field.week"], item.WeekNumber?.ToString(CultureInfo.InvariantCulture) ?? item.CertificateKey ?? "", Inline: true),
            new(t["field.submitted_at"], TimeMarkup.Token(item.SubmittedAt) + (item.IsLate ? " · " + t["review.late"] : " · " + t["review.on_time"])),
            new(t["field.proof"], Describe(item, t)),
        };
        if (item.Note is not null)
        {
            fields.Add(new(t["field.note"], item.Note));
        }

        var same = item.File is { } stored ? await duplicates.SameImageAsync(item.Proof, stored.Sha256, DuplicatesShown + 1, ct) : [];
        if (same.Count > 0)
        {
            fields.Add(new(t["field.duplicate"], Duplicates(same, t)));
        }

        var text = t["review.card.claimed", new { until = item.ClaimExpiresAt, left }];
        var image = await ImageAsync(item, ct);
        if (image is null)
        {
            text += "\n" + t["review.image_damaged"];
        }
        return new Reply(preface is null ? text : preface + "\n" + text)
        {
            Title = heading,
            Tone = item.IsLate || same.Count > 0 ? ReplyTone.Warning : ReplyTone.Info,
            Fields = fields,
            Buttons =
            [
                new(t["button.approve"], ButtonAction.Encode(Catalogue.Approve.Name, [("proof", item.Proof.ToString()), .. filter]), ButtonStyle.Success),
                new(t["button.reject"], ButtonAction.Encode(Catalogue.Reject.Name, [("proof", item.Proof.ToString()), .. filter]), ButtonStyle.Danger),
            ],
            Files = image ?? [],
        };
    }

    private static string Duplicates(IReadOnlyList<DuplicateProof> same, Texts t)
    {
        var lines = same.Take(DuplicatesShown).Select(d => t["review.duplicate", new
        {
            proof = d.Proof.ToString(),
            what = d.WeekNumber is { } week ? t["review.what_week", new { week }] : t["review.what_certificate", new { certificate = d.CertificateKey }],
            name = Participants.ParticipantLabel.Of(d.ParticipantName, d.ParticipantId, d.ParticipantHandle),
            at = TimeMarkup.Token(d.SubmittedAt),
        }]).ToList();
        if (same.Count > DuplicatesShown)
        {
            lines.Add(t["review.duplicate_more"]);
        }

        return string.Join("\n", lines);
    }

    private static string Describe(ReviewItem item, Texts t)
    {
        var parts = new List<string>();
        if (item.Url is not null)
        {
            parts.Add(item.Url);
        }

        if (item.File is { } file)
        {
            parts.Add(t["review.image", new { type = file.ContentType, kb = Math.Max(1, file.SizeBytes / 1024), sha = file.Sha256[..12] }]);
        }

        return string.Join(" + ", parts);
    }

    /// <summary>
    /// The stored image goes along with the card, so the reviewer sees it without a CDN link that
    /// may have expired; null when the file on disk is missing or no longer has the bytes that were
    /// submitted (the reviewer is told, instead of judging a damaged image).
    /// </summary>
    private async Task<IReadOnlyList<ReplyFile>?> ImageAsync(ReviewItem item, CancellationToken ct)
    {
        if (item.File is not { } file)
        {
            return [];
        }

        await using var stream = proofs.Open(file.Sha256);
        if (stream is null)
        {
            LogProofFileMissing(file.Sha256, item.Proof.ToString());
            return null;
        }

        var content = new byte[stream.Length];
        await stream.ReadExactlyAsync(content, ct);
        if (!string.Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), file.Sha256, StringComparison.Ordinal))
        {
            LogProofFileCorrupt(file.Sha256, item.Proof.ToString());
            return null;
        }

        return [new ReplyFile($"proof-{item.Proof}{Extension(file.ContentType)}", file.ContentType, content)];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Proof file {Sha256} of {Proof} is corrupt: its bytes no longer match their hash")]
    private partial void LogProofFileCorrupt(string sha256, string proof);

    [LoggerMessage(Level = LogLevel.Error, Message = "Proof file {Sha256} of {Proof} is missing from the proof folder")]
    private partial void LogProofFileMissing(string sha256, string proof);

    private static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        _ => ".bin",
    };
}
