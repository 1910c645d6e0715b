using System.Security.Cryptography;
using System.Text;
using CohortBot.Storage.Sqlite;

namespace CohortBot.Storage.Tests;

/// <summary>
/// A migration that has shipped never changes: databases out there already ran it, and they would
/// not run it again. Every embedded migration is locked by its hash in <c>migrations.lock</c>; a
/// change fails here (write a new migration instead), and a new migration is added to the lock.
/// </summary>
public sealed class MigrationLockTests
{
    private static readonly string LockFile = Path.Combine(AppContext.BaseDirectory, "migrations.lock");

    [Fact]
    public void EveryShippedMigration_IsUnchanged_AndEveryMigrationIsLocked()
    {
        var locked = File.ReadAllLines(LockFile)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var embedded = Embedded();

        var problems = new List<string>();
        foreach (var (name, hash) in locked)
        {
            if (!embedded.TryGetValue(name, out var now))
            {
                problems.Add($"{name} shipped but is gone: a database that ran it cannot be told what became of it. Restore it.");
            }
            else if (now != hash)
            {
                problems.Add($"{name} changed after it shipped (databases that ran it will not run it again): undo the change and add a new migration.");
            }
        }

        foreach (var (name, hash) in embedded.Where(e => !locked.ContainsKey(e.Key)))
        {
            problems.Add($"{name} is new: when it is final, add this line to tests/CohortBot.Storage.Tests/migrations.lock: {name} {hash}");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Every SQL migration embedded in the storage assembly, hashed with line endings normalised.</summary>
    private static Dictionary<string, string> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.Contains(".Migrations.", StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            result[resource] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }

        return result;
    }
}
