using CohortBot.Core.Cohorts;
using CohortBot.Host.Cli;
using CohortBot.Host.Cli.MigrateStore;
using CohortBot.Host.CohortFile;
using CohortBot.Testing;

namespace CohortBot.Host.Tests.Properties;

/// <summary>
/// Property tests over what an operator feeds the host: the cohort YAML (mutated from a valid file)
/// and the CLI verbs' arguments. Seeded, so a failure reproduces from the seed it prints.
/// </summary>
public sealed class HostInputPropertyTests
{

    [Fact]
    public void CohortYaml_AnyMutation_IsReadOrRefusedWithLinedProblems_NeverAnotherException()
    {
        var lines = SampleCohort.Yaml.Split('\n');
        Cases.Run(300, seed =>
        {
            var h = new HostileText(seed);
            var mutated = lines.ToList();
            for (var n = h.Next(4) + 1; n > 0; n--)
            {
                var at = h.Next(mutated.Count);
                switch (h.Next(5))
                {
                    case 0:
                        mutated[at] = mutated[at].Insert(h.Next(mutated[at].Length + 1), h.Text());
                        break;
                    case 1:
                        mutated.RemoveAt(at);
                        break;
                    case 2:
                        mutated.Insert(at, mutated[h.Next(mutated.Count)]);
                        break;
                    case 3:
                        mutated[at] = mutated[at].Contains(':') ? mutated[at][..(mutated[at].IndexOf(':') + 1)] + " " + h.Number() : mutated[at];
                        break;
                    default:
                        mutated[at] = new string(' ', h.Next(12)) + mutated[at].TrimStart();
                        break;
                }
            }

            try
            {
                CohortFileReader.Parse(string.Join('\n', mutated));
            }
            catch (CohortFileException ex)
            {
                Assert.NotEmpty(ex.Errors);
                Assert.All(ex.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            }
        });
    }

    [Fact]
    public async Task CliVerbs_AnyArguments_ExitWithACodeAndAMessage_NeverAnException()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        string[] safe = ["--Cohort:File=" + folder.File("cohort.yaml"), "--Storage:DatabasePath=" + folder.File("bot.db"), "--Storage:ProofDirectory=" + folder.File("proofs")];
        string[] tokens = ["--out", "--from", "--out=", "--from=", "participants", "completion", "everything", "--", "-x", "--bogus", "--Storage:Nope=1", "--Nowhere:Key=1",
            "--to", "--force", "sqlite:" + folder.File("bot.db"), "postgres:Host=127.0.0.1;Port=9;Timeout=5", "postgres"]; // values are validated by the program around the verbs (StartupTests)
        await Cases.RunAsync(60, async seed =>
        {
            var h = new HostileText(seed);
            var verb = h.Pick(["export", "backup", "restore", "migrate-store"]);
            var args = new List<string> { verb };
            for (var n = h.Next(5); n > 0; n--)
            {
                args.Add(h.Chance(0.6) ? h.Pick(tokens) : h.Chance(0.5) ? folder.File("out-" + h.Next(1000)) : h.Text());
            }

            var stderr = new StringWriter();
            string[] all = [.. args, .. safe];
            var code = verb switch
            {
                "export" => await ExportVerb.RunAsync(all, TextWriter.Null, stderr),
                "backup" => await BackupVerb.RunAsync(all, TextWriter.Null, stderr),
                "migrate-store" => await MigrateStoreVerb.RunAsync(all, TextWriter.Null, stderr),
                _ => await RestoreVerb.RunAsync(all, TextWriter.Null, stderr),
            };

            Assert.Contains(code, new[] { 0, 1, 2 });
            if (code != 0)
            {
                Assert.StartsWith("cohortbot " + verb + ":", stderr.ToString(), StringComparison.Ordinal);
            }
        });
    }
}
