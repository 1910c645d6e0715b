using CohortBot.Core.Submissions;
using CohortBot.Testing;

namespace CohortBot.Storage.Tests;

public sealed class ProofStoreTests
{
    [Fact]
    public async Task Save_SameBytesTwice_StoresOneFileByHash()
    {
        await using var services = await CohortServices.StartAsync();
        var store = services.Get<IProofFileStore>();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var a = await store.SaveAsync(png, "image/png", default);
        var b = await store.SaveAsync(png, "image/png", default);

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), a.Sha256);
        Assert.Single(Directory.GetFiles(Path.Combine(services.Folder, "proofs"), "*", SearchOption.AllDirectories));
        await using var read = store.Open(a.Sha256)!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(png, copy.ToArray());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF")]
    public async Task Open_NotAHash_ReturnsNothing(string name)
    {
        await using var services = await CohortServices.StartAsync();
        Assert.Null(services.Get<IProofFileStore>().Open(name));
    }
}
