namespace CohortBot.Storage.Sqlite;

/// <summary>Queries too long to read as a string literal live beside their store as embedded <c>.sql</c> files.</summary>
internal static class EmbeddedSql
{
    /// <param name="name">The file's path under the project, with dots: <c>Digests.WithoutProof.sql</c>.</param>
    public static string Read(string name)
    {
        var assembly = typeof(EmbeddedSql).Assembly;
        using var stream = assembly.GetManifestResourceStream("CohortBot.Storage." + name)
            ?? throw new InvalidOperationException($"The embedded query {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
