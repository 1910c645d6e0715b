using System.Security.Cryptography;
using CohortBot.Core.Commands;
using CohortBot.Core.Exports;
using static CohortBot.Organizers.Tests.OrganizerFixture;
using static CohortBot.Organizers.Tests.Scenario;

namespace CohortBot.Organizers.Tests;

public sealed class ExportTests
{
    private static readonly byte[] Png = CohortBot.Testing.TestImages.Png(9);

    [Fact]
    public async Task ExportSubmissions_HasEveryAttempt_WithProofFileReferences_AndZonedTimes()
    {
        await using var f = await WithHistory();

        var csv = await Export(f, "submissions");

        var sha = Convert.ToHexStringLower(SHA256.HashData(Png));
        Assert.Equal(
            "proof,participant_id,name,email,week,certificate,attempt,submitted_at,late,url,proof_file,proof_content_type,status,review_reason,reviewed_by,reviewed_at\r\n" +
            "w1,1,김민준,minjun@example.com,1,,1,2026-09-15T10:00:00+09:00,no,https://example.com/a,,,approved,,terminal:org-a,2026-09-21T09:00:00+09:00\r\n" +
            $"w2,2,이서연,seoyeon@example.com,1,,1,2026-09-21T08:00:00+09:00,yes,,{sha[..2]}/{sha},image/png,rejected,\"Blurry, please resend\",terminal:org-a,2026-09-21T09:00:00+09:00\r\n" +
            "c1,1,김민준,minjun@example.com,,tf,1,2026-09-22T10:30:00+09:00,no,https://credential.example.com/m,,,pending,,,\r\n",
            csv);
    }

    [Fact]
    public async Task ExportParticipants_IsParticipantsByWeeks()
    {
        await using var f = await WithHistory();

        var csv = await Export(f, "participants");

        Assert.Equal(
            "participant_id,name,email,discord,slack,terminal,status,week_1,week_2,week_3\r\n" +
            "1,김민준,minjun@example.com,,,minjun,active,approved,due,upcoming\r\n" +
            "2,이서연,seoyeon@example.com,,,seoyeon,active,rejected,due,upcoming\r\n" +
            "3,박지호,jiho@example.com,,,jiho,active,missing,due,upcoming\r\n" +
            "4,\"Haeun \"\"Ha\"\" Choi, Jr.\",haeun@example.com,,,haeun,active,missing,due,upcoming\r\n",
            csv);
    }

    [Fact]
    public async Task ExportRsvps_ListsReservations()
    {
        await using var f = await WithHistory();

        var csv = await Export(f, "rsvps");

        Assert.Equal(
            "event,title,kind,starts_at,event_cancelled,participant_id,name,email,rsvp,requested_at,attended,attendance_source,attended_at\r\n" +
            "tt-one,Talk one,tech_talk,2026-09-24T20:00:00+09:00,no,1,김민준,minjun@example.com,going,2026-09-22T10:00:00+09:00,no,,\r\n",
            csv);
    }

    [Fact]
    public async Task Export_OfAnUnknownKind_NamesTheKnownOnes()
    {
        await using var f = await CreateAsync();
        var reply = await f.RunAsync(OrgA, "export", ("kind", "everything"));
        Assert.Equal("There is no 'everything' export. Exports: participants, submissions, rsvps, completion, calendar.", reply.Text);
    }

    [Fact]
    public void Csv_QuotesOnlyWhatRfc4180Requires_AndReadsItBack()
    {
        string?[] row = ["plain", "with,comma", "with \"quote\"", "two\r\nlines", "김민준", null, " spaced "];
        var bytes = Csv.Write(["a", "b", "c", "d", "e", "f", "g"], [row]);

        Assert.Equal("a,b,c,d,e,f,g\r\nplain,\"with,comma\",\"with \"\"quote\"\"\",\"two\r\nlines\",김민준,, spaced \r\n", Csv.Text(bytes));
        Assert.Equal(row.Select(v => v ?? ""), Csv.Read(Csv.Encoding.GetString(bytes))[1]);
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "spreadsheet-facing CSV starts with a UTF-8 byte order mark");
    }

    /// <summary>Two weekly proofs (one link, one late image), one reviewed each way, a pending certificate and an RSVP.</summary>
    private static async Task<OrganizerFixture> WithHistory()
    {
        var f = await CreateAsync();
        await SubmitAt(f, "minjun", 1, "2026-09-15 10:00", "https://example.com/a");
        f.At("2026-09-21 08:00");
        var image = new InvocationAttachment("shot.png", Png.Length, _ => Task.FromResult<Stream>(new MemoryStream(Png)));
        Assert.NotEqual(ReplyTone.Error, (await f.RunAsync("seoyeon", "submit", ("week", 1L), ("file", image))).Tone);
        f.At("2026-09-21 09:00");
        var first = await f.RunAsync(OrgA, "review");
        await f.RunAsync(OrgA, "approve", ("proof", ReviewQueueTests.ProofOf(first)));
        var second = await f.RunAsync(OrgA, "review");
        await f.RunAsync(OrgA, "reject", ("proof", ReviewQueueTests.ProofOf(second)), ("reason", "Blurry, please resend"));
        f.At("2026-09-22 10:00");
        Assert.Equal(ReplyTone.Success, (await f.RunAsync("minjun", "rsvp", ("event", "tt-one"))).Tone);
        f.At("2026-09-22 10:30");
        await f.RunAsync("minjun", "cert", ("type", "tf"), ("url", "https://credential.example.com/m"));
        return f;
    }

    private static async Task<string> Export(OrganizerFixture f, string kind)
    {
        var reply = await f.RunAsync(OrgB, "export", ("kind", kind));
        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.Equal($"Here is the {kind} export ({kind}-test-cohort.csv); CSV times are in Asia/Seoul with their UTC offset.", reply.Text);
        var file = Assert.Single(reply.Files);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, file.Content[..3]);
        return Csv.Text(file.Content);
    }
}
