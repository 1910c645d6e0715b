using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Completion;
using CohortBot.Core.Reminders;
using CohortBot.Core.Submissions;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Scheduling.Tests;

public sealed class DeadlineReminderTests
{
    // Week 12 is due Sunday 2026-12-06 23:59 in Seoul = 14:59 UTC; reminders at 48 h and 3 h before.
    private static readonly DateTime DueLocal = new(2026, 12, 6, 23, 59, 0);
    private static readonly DateTimeOffset Due = SampleCohort.Kst(DueLocal);

    private static CohortBuilder Cohort(params string[] roster)
    {
        var cohort = BotUnderTest.Cohort();
        cohort.Week(12, SampleCohort.Kst(2026, 11, 30, 0, 0), SampleCohort.Kst(DueLocal));
        cohort.TerminalMembers(roster);
        return cohort;
    }

    [Fact]
    public async Task Reminders_FireAtTheirInstantsInSeoul_WithASubmitButton()
    {
        using var folder = new TestFolder();
        await using var bot = await BotUnderTest.StartAsync(folder, Cohort("alice"), Due.AddDays(-3));

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 14, 59, 0, TimeSpan.Zero), Due.AddHours(-48));
        await bot.AdvanceToAsync(Due.AddHours(-48).AddSeconds(-1));
        Assert.Empty(bot.Platform.All);

        await bot.AdvanceToAsync(Due.AddHours(-48));
        await bot.Platform.WaitUntilAsync(s => s.Count == 1);
        var first = bot.Platform.Direct("alice").Single();
        Assert.Equal(Due.AddHours(-48), first.At);
        Assert.Contains("Week 12", first.Message.Text, StringComparison.Ordinal);
        Assert.Equal(ButtonAction.Encode("submit", ("week", "12")), first.Message.Buttons.Single().Action);

        await bot.AdvanceToAsync(Due.AddHours(-3).AddSeconds(-1));
        Assert.Single(bot.Platform.All);
        await bot.AdvanceToAsync(Due.AddHours(-3));
        await bot.Platform.WaitUntilAsync(s => s.Count == 2);
        Assert.Equal(Due.AddHours(-3), bot.Platform.Direct("alice")[1].At);
    }

    [Fact]
    public async Task Reminder_IsWrittenInTheParticipantsOwnLanguage()
    {
        using var folder = new TestFolder();
        await using var bot = await BotUnderTest.StartAsync(folder, Cohort("alice", "minjun"), Due.AddDays(-3));
        var minjun = await bot.ParticipantAsync("minjun");
        await bot.Services.GetRequiredService<Core.Participants.IParticipantStore>().SetLanguageAsync(minjun.Id, "ko", CancellationToken.None);

        await bot.AdvanceToAsync(Due.AddHours(-48));
        await bot.Platform.WaitUntilAsync(s => s.Count == 2);
        Assert.Contains("12주차", bot.Platform.Direct("minjun").Single().Message.Text, StringComparison.Ordinal);
        Assert.Contains("Week 12", bot.Platform.Direct("alice").Single().Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_SkipsWhoSubmittedBeforeTheMoment_AndWhoTurnedRemindersOff()
    {
        using var folder = new TestFolder();
        await using var bot = await BotUnderTest.StartAsync(folder, Cohort("alice", "bob", "carol", "dave"), Due.AddDays(-3));
        var cohort = await bot.CohortAsync();
        var week = (await bot.Services.GetRequiredService<ICohortStore>().WeeksAsync(cohort.Id, CancellationToken.None)).Single();
        var alice = await bot.ParticipantAsync("alice");
        var carol = await bot.ParticipantAsync("carol");
        var dave = await bot.ParticipantAsync("dave");
        var submissions = bot.Services.GetRequiredService<ISubmissionStore>();

        // Submitted after the reminder was scheduled: checked at send time.
        await submissions.RecordWeeklyAsync(new NewSubmission(cohort.Id, alice.Id, week.Id, bot.Clock.GetUtcNow(), "https://example.com/a", null, null, false), CancellationToken.None);
        // A rejected proof still needs a new one, so dave is reminded.
        var rejected = await submissions.RecordWeeklyAsync(new NewSubmission(cohort.Id, dave.Id, week.Id, bot.Clock.GetUtcNow(), "https://example.com/d", null, null, false), CancellationToken.None);
        await RejectAsync(bot, rejected.Id);
        await bot.Services.GetRequiredService<IReminderPreferences>().SetEnabledAsync(carol.Id, false, CancellationToken.None);

        await bot.AdvanceToAsync(Due.AddHours(-48));
        await bot.Platform.WaitUntilAsync(s => s.Count == 2);
        Assert.Equal(["bob", "dave"], bot.Platform.All.Select(s => s.Target).Order().ToArray());
    }

    [Fact]
    public async Task QuietHours_DeferTheReminderToTheirEnd_InTheParticipantsZone()
    {
        using var folder = new TestFolder();
        await using var bot = await BotUnderTest.StartAsync(folder, Cohort("alice", "bob"), Due.AddDays(-3));
        var alice = await bot.ParticipantAsync("alice");
        // 48 h before is 23:59 Friday in Seoul: inside 22-08, so it waits until 08:00 Saturday Seoul.
        await bot.Services.GetRequiredService<IReminderPreferences>().SetQuietHoursAsync(alice.Id, new QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0)), CancellationToken.None);

        await bot.AdvanceToAsync(Due.AddHours(-48));
        await bot.Platform.WaitUntilAsync(s => s.Count == 1);
        Assert.Equal("bob", bot.Platform.All.Single().Target);

        var quietEnd = SampleCohort.Kst(new DateTime(2026, 12, 5, 8, 0, 0));
        await bot.AdvanceToAsync(quietEnd.AddMinutes(-1));
        Assert.Empty(bot.Platform.Direct("alice"));

        // The sweep runs every minute of scheduler time; the first one after 08:00 delivers it.
        await bot.AdvanceToAsync(quietEnd);
        await bot.AdvanceToAsync(quietEnd.AddMinutes(1));
        await bot.Platform.WaitUntilAsync(s => s.Any(x => x.Target == "alice"));
        var late = bot.Platform.Direct("alice").Single();
        Assert.InRange(late.At, quietEnd, quietEnd.AddMinutes(1));
    }

    [Fact]
    public async Task QuietHours_PastTheDeadline_SkipTheReminder()
    {
        using var folder = new TestFolder();
        await using var bot = await BotUnderTest.StartAsync(folder, Cohort("alice"), Due.AddHours(-4));
        var alice = await bot.ParticipantAsync("alice");
        // 3 h before is 20:59 Sunday in Seoul; quiet 20:00-09:00 ends Monday, after the 23:59 deadline.
        await bot.Services.GetRequiredService<IReminderPreferences>().SetQuietHoursAsync(alice.Id, new QuietHours(new TimeOnly(20, 0), new TimeOnly(9, 0)), CancellationToken.None);

        await bot.AdvanceToAsync(Due.AddHours(-3));
        await bot.AdvanceToAsync(Due.AddHours(12));
        Assert.Empty(bot.Platform.Direct("alice"));
    }

    [Fact]
    public async Task CertificateDeadline_RemindsOnlyThoseWithoutACertificate()
    {
        using var folder = new TestFolder();
        var cohort = Cohort("alice", "bob");
        cohort.Certificate(SampleCohort.Kst(2027, 1, 15, 23, 59), ("tf-developer", "TensorFlow Developer Certificate"));
        var due = cohort.Certificates!.Deadline;
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, due.AddHours(-49));
        var c = await bot.CohortAsync();
        var alice = await bot.ParticipantAsync("alice");
        await bot.Services.GetRequiredService<ISubmissionStore>().RecordCertificateAsync(
            new NewCertificateSubmission(c.Id, alice.Id, "tf-developer", bot.Clock.GetUtcNow(), "https://example.com/cert", null, false), CancellationToken.None);

        await bot.AdvanceToAsync(due.AddHours(-48));
        await bot.Platform.WaitUntilAsync(s => s.Count == 1);
        var sent = bot.Platform.Direct("bob").Single();
        Assert.Equal(due.AddHours(-48), sent.At);
        Assert.Contains("/cert", sent.Message.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Platform.Direct("alice"));
    }

    [Fact]
    public async Task Reminders_FollowEachParticipantsOwnDeadline_AndSkipAnExcusedWeek()
    {
        using var folder = new TestFolder();
        var cohort = Cohort("alice", "bob", "carol");
        cohort.Completion = CompletionRules.Default with { MaxExcusedWeeks = 1, CertificateRequired = cohort.Certificates is not null };
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, Due.AddDays(-3));
        var runner = bot.Services.GetRequiredService<CommandRunner>();
        var organizer = new Core.Participants.PlatformUser("terminal", "organizer", "organizer");
        var carolsDue = Due.AddDays(2);
        Assert.Equal(ReplyTone.Success, (await runner.RunAsync(Invocation.Create("excuse", organizer, ("participant", "terminal:bob"), ("week", "12")), CancellationToken.None)).Tone);
        Assert.Equal(ReplyTone.Success, (await runner.RunAsync(Invocation.Create("extend", organizer, ("participant", "terminal:carol"), ("week", "12"), ("until", "2026-12-08 23:59")), CancellationToken.None)).Tone);
        var told = bot.Platform.All.Count; // the excuse and extension DMs

        await bot.AdvanceToAsync(Due.AddHours(-48));
        await bot.Platform.WaitUntilAsync(s => s.Count == told + 1);
        Assert.Equal(["alice"], bot.Platform.All.Skip(told).Select(s => s.Target).ToArray());

        await bot.AdvanceToAsync(carolsDue.AddHours(-48));
        await bot.Platform.WaitUntilAsync(s => s.Any(x => x.Target == "carol" && x.Message.Title == "Reminder"));
        var carols = bot.Platform.Direct("carol").Where(x => x.Message.Title == "Reminder").ToList();
        Assert.Equal(carolsDue.AddHours(-48), Assert.Single(carols).At);
        Assert.Contains(Core.Time.TimeMarkup.Token(carolsDue), carols[0].Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Platform.Direct("bob"), x => x.Message.Title == "Reminder");
        Assert.Equal(2, bot.Platform.Direct("alice").Count);
    }

    private static async Task RejectAsync(BotUnderTest bot, long submissionId)
    {
        await using var db = await bot.Services.GetRequiredService<CohortBot.Storage.Database>().OpenAsync(CancellationToken.None);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "UPDATE submissions SET status = 'rejected' WHERE id = " + submissionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await cmd.ExecuteNonQueryAsync();
    }
}
