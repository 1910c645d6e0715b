using CohortBot.Core.Completion;
using CohortBot.Core.Exports;
using CohortBot.Host.CohortFile;
using CohortBot.Core.Cohorts;
using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.Scenario;

namespace CohortBot.Organizers.Tests;

public sealed class CompletionReportTests
{
    [Fact]
    public async Task ReportCompletion_ListsWhoIsNotDone_AndAttachesTheExactCsv()
    {
        await using var f = await OrganizerFixture.CreateAsync(configure: s => s.AddSingleton(new CompletionRules(0, 0, true, false, 0)));
        foreach (var (week, day) in new[] { (1, "2026-09-15 10:00"), (2, "2026-09-22 10:00"), (3, "2026-09-29 10:00") })
        {
            await SubmitAt(f, "minjun", week, day);
            if (week < 3)
            {
                await SubmitAt(f, "seoyeon", week, day);
            }
        }

        await ReviewAll(f);
        f.At("2026-10-12 10:00");

        var reply = await f.TypeAsync(OrganizerFixture.OrgA, "/report completion");

        Assert.Equal("4 participants: 1 completed, 0 at risk, 3 failed. The attached CSV lists everyone.", reply.Text);
        Assert.Equal(["Haeun \"Ha\" Choi, Jr. (#4 · terminal:haeun): failed", "박지호 (#3 · terminal:jiho): failed", "이서연 (#2 · terminal:seoyeon): failed"], reply.Fields.Select(x => x.Name));
        var file = Assert.Single(reply.Files);
        Assert.Equal("completion-test-cohort.csv", file.FileName);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, file.Content[..3]);
        Assert.Equal(
            "participant_id,name,email,status,weeks_approved,weeks_excused,weeks_missed,certificate_approved,events_attended,reasons\r\n" +
            "4,\"Haeun \"\"Ha\"\" Choi, Jr.\",haeun@example.com,failed,0,0,3,no,0,\"weeks 1, 2, 3 missed (0 allowed)\"\r\n" +
            "3,박지호,jiho@example.com,failed,0,0,3,no,0,\"weeks 1, 2, 3 missed (0 allowed)\"\r\n" +
            "2,이서연,seoyeon@example.com,failed,2,0,1,no,0,weeks 3 missed (0 allowed)\r\n" +
            "1,김민준,minjun@example.com,completed,3,0,0,no,0,\r\n",
            Csv.Text(file.Content));
    }

    [Fact]
    public async Task Report_OfAnUnknownKind_NamesTheKnownOnes()
    {
        await using var f = await OrganizerFixture.CreateAsync();
        var reply = await f.TypeAsync(OrganizerFixture.OrgA, "/report refunds");
        Assert.Equal("There is no 'refunds' report. Reports: completion.", reply.Text);
    }

    [Fact]
    public void CohortFile_CompletionSection_IsRead()
    {
        var definition = CohortFileReader.Parse(Yaml("""
            completion:
              max_excused_weeks: 1
              max_missed_weeks: 0
              late_proofs_count: false
              certificate: optional
              min_events_attended: 3
            """));

        Assert.Equal(new CompletionRules(1, 0, LateProofsCount: false, CertificateRequired: false, MinEventsAttended: 3), definition.Completion);
    }

    [Fact]
    public void CohortFile_WithoutCompletion_RequiresTheCertificate_WhenThereIsAMission()
    {
        Assert.Equal(CompletionRules.Default with { CertificateRequired = true }, CohortFileReader.Parse(Yaml("")).Completion);
    }

    [Fact]
    public void CohortFile_CompletionErrors_HaveLineNumbers()
    {
        var ex = Assert.Throws<CohortFileException>(() => CohortFileReader.Parse(Yaml("""
            completion:
              max_missed_weeks: 5
              certificate: maybe
              min_events: 3
            """)));

        Assert.Equal(
        [
            "line 18: completion.max_missed_weeks is 5, more than the 1 weeks of the cohort.",
            "line 19: completion.certificate must be 'required' or 'optional'; 'maybe' is neither.",
            "line 20: unknown key 'min_events' in completion. Known keys: certificate, late_proofs_count, max_excused_weeks, max_missed_weeks, min_events_attended.",
        ], ex.Errors.Select(e => e.ToString()));
    }

    private static string Yaml(string completion) => """
        cohort:
          id: c
          name: C
          time_zone: Asia/Seoul
          starts: 2026-09-01
          ends: 2026-12-31
        weeks:
          - number: 1
            title: One
            opens: 2026-09-14 00:00
            deadline: 2026-09-20 23:59
        certificates:
          deadline: 2026-11-30
          allowed:
            - id: tf
              name: TF
        """ + "\n" + completion;
}
