namespace CohortBot.Slack.Tests.Fakes;

/// <summary>Assertions over what the adapter sent, judged by Slack's Web API description.</summary>
public static class SpecAssert
{
    public static void AllCalls(IEnumerable<ApiCall> calls)
    {
        var list = calls.ToList();
        var problems = list.SelectMany(SlackWebApiSpec.Problems).Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotEmpty(list);
    }
}
