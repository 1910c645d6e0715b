using CohortBot.Core.Commands;
using CohortBot.Core.Submissions;
using CohortBot.Testing;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/cert</c>: the certificate mission of the sample cohort (three accepted certificates, due 15 January).</summary>
public sealed class CertHandlerTests
{
    [Theory]
    [InlineData("tf-developer")]
    [InlineData("TensorFlow Developer Certificate")]
    [InlineData("TF-DEVELOPER")]
    public async Task Cert_ByKeyOrName_IsStored_BeforeTheDeadline(string type)
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "cert", ("type", type), ("url", "https://credly.example/badge/ada"));

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.StartsWith("TensorFlow Developer Certificate received, before the deadline", reply.Text, StringComparison.Ordinal);
        var saved = await LatestAsync(bot, "ada");
        Assert.Equal(("tf-developer", "https://credly.example/badge/ada", false, ReviewStatus.Pending), (saved!.CertificateKey, saved.Url, saved.IsLate, saved.Status));
    }

    [Fact]
    public async Task Cert_AfterTheDeadline_IsMarkedLate()
    {
        await using var bot = await HandlerServices.StartAsync();
        bot.Clock.SetUtcNow(SampleCohort.Kst(2027, 1, 20, 9, 0));

        var reply = await bot.RunAsync("ada", "cert", ("type", "gcp-ml-engineer"), ("url", "https://credly.example/badge/ada"));

        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.Contains("after the deadline", reply.Text, StringComparison.Ordinal);
        Assert.True((await LatestAsync(bot, "ada"))!.IsLate);
    }

    [Fact]
    public async Task Cert_OfAnUnknownType_NamesTheAcceptedOnes_AndStoresNothing()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "cert", ("type", "aws-saa"), ("url", "https://credly.example/badge/ada"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal(
            "'aws-saa' is not one of the accepted certificates: tf-developer (TensorFlow Developer Certificate), gcp-ml-engineer (Google Cloud Professional Machine Learning Engineer), gcp-data-engineer (Google Cloud Professional Data Engineer).",
            reply.Text);
        Assert.Null(await LatestAsync(bot, "ada"));
    }

    [Fact]
    public async Task Cert_WithABadLink_IsRefused()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "cert", ("type", "tf-developer"), ("url", "credly badge 12"));

        Assert.Equal("That link doesn't look right. Please give a full http:// or https:// address.", reply.Text);
        Assert.Null(await LatestAsync(bot, "ada"));
    }

    [Fact]
    public async Task Cert_InACohortWithoutACertificateMission_SaysSo()
    {
        await using var bot = await HandlerServices.StartAsync(SampleCohort.Definition(d => d with { Certificates = null }));

        var reply = await bot.RunAsync("ada", "cert", ("type", "tf-developer"), ("url", "https://credly.example/badge/ada"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("This cohort has no certificate mission.", reply.Text);
    }

    private static async Task<CertificateSubmission?> LatestAsync(CohortServices bot, string user) =>
        await bot.ParticipantAsync(user) is { } participant ? await bot.Get<ISubmissionStore>().LatestCertificateAsync(participant.Id, CancellationToken.None) : null;
}
