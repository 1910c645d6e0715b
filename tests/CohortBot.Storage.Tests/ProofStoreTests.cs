using CohortBot.Core.Submissions;
using CohortBot.Testing;

namespace CohortBot.Storage.Tests;

public sealed class ProofStoreTests
{
    [Fact]
    public async Task Stage_SameBytesTwice_KeepsOneFileByHash_AndLeavesNothingIncoming()
    {
        await using var services = await CohortServices.StartAsync();
        var store = services.Get<IProofFileStore>();
        var png = TestImages.Png(3);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
        for (var i = 0; i < 2; i++)
        {
            await using var staging = store.Stage();
            await staging.Content.WriteAsync(png);
            await staging.SealAsync(sha, default);
            await staging.KeepAsync(default);
        }

        var proofs = Path.Combine(services.Folder, "proofs");
        Assert.Single(Directory.GetFiles(proofs, "*", SearchOption.AllDirectories));
        await using var read = store.Open(sha)!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(png, copy.ToArray());
    }

    [Fact]
    public async Task Stage_NotKept_IsDeletedOnDispose()
    {
        await using var services = await CohortServices.StartAsync();
        var store = services.Get<IProofFileStore>();
        await using (var staging = store.Stage())
        {
            await staging.Content.WriteAsync(TestImages.Png());
            await staging.SealAsync(new string('a', 64), default);
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(services.Folder, "proofs"), "*", SearchOption.AllDirectories));
        Assert.Null(store.Open(new string('a', 64)));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF")]
    public async Task Open_NotAHash_ReturnsNothing(string name)
    {
        await using var services = await CohortServices.StartAsync();
        Assert.Null(services.Get<IProofFileStore>().Open(name));
        Assert.False(services.Get<IProofFileStore>().Delete(name));
    }
}
