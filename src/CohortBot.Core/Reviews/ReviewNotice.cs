using CohortBot.Core.Commands;
using CohortBot.Core.Messages;

namespace CohortBot.Core.Reviews;

/// <summary>The DM a participant gets after a review: the outcome and, on rejection, why and how to resubmit.</summary>
public static class ReviewNotice
{
    public static Reply Compose(ReviewItem item, Texts t)
    {
        var approved = item.Status == Submissions.ReviewStatus.Approved;
        if (item.WeekNumber is { } week)
        {
            return approved
                ? Reply.Success(t["review.dm.week_approved", new { week }])
                : Reply.Warning(t["review.dm.week_rejected", new { week, reason = item.ReviewReason, until = item.ResubmitBy }])
                  with { Buttons = [new(t["button.submit_week", new { week }], ButtonAction.Encode(Catalogue.Submit.Name, ("week", week.ToString(System.Globalization.CultureInfo.InvariantCulture))), ButtonStyle.Primary)] };
        }

        return approved
            ? Reply.Success(t["review.dm.cert_approved", new { certificate = item.CertificateKey }])
            : Reply.Warning(t["review.dm.cert_rejected", new { certificate = item.CertificateKey, reason = item.ReviewReason, until = item.ResubmitBy }]);
    }
}
