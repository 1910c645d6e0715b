using CohortBot.Core.Commands;

namespace CohortBot.Core.Tests.Handlers;

/// <summary><c>/language</c>: the language the bot writes to a participant in, stored on the participant.</summary>
public sealed class LanguageHandlerTests
{
    [Fact]
    public async Task Language_WithoutACode_SaysTheCurrentOne_AndWhatIsAvailable()
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "language");

        Assert.Equal("I write to you in English. Available: en (English), ko (한국어). Change it with /language code:<code>.", reply.Text);
    }

    [Theory]
    [InlineData("ko")]
    [InlineData("KO")]
    [InlineData("ko-KR")]
    public async Task Language_Set_IsStored_AndTheConfirmationIsAlreadyInIt(string code)
    {
        await using var bot = await HandlerServices.StartAsync();

        var reply = await bot.RunAsync("ada", "language", ("code", code));
        var next = await bot.RunAsync("ada", "help");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.Equal("이제부터 한국어로 안내할게요.", reply.Text);
        Assert.Equal("ko", (await bot.ParticipantAsync("ada"))!.Language);
        Assert.Equal("Test Cohort의 주간 인증, 자격증, 파트너사 행사를 도와드려요.", next.Text);
    }

    [Fact]
    public async Task Language_Auto_ForgetsTheChoice()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "language", ("code", "ko"));

        var reply = await bot.RunAsync("ada", "language", ("code", "auto"));

        Assert.Equal("I'll follow the language of your chat app again.", reply.Text);
        Assert.Null((await bot.ParticipantAsync("ada"))!.Language);
    }

    [Fact]
    public async Task Language_Unknown_IsRefusedInTheCurrentLanguage_AndChangesNothing()
    {
        await using var bot = await HandlerServices.StartAsync();
        await bot.RunAsync("ada", "language", ("code", "ko"));

        var reply = await bot.RunAsync("ada", "language", ("code", "xx"));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains("'xx'", reply.Text, StringComparison.Ordinal);
        Assert.Matches("[가-힣]", reply.Text);
        Assert.Equal("ko", (await bot.ParticipantAsync("ada"))!.Language);
    }
}
