using System.Security.Cryptography;
using Sparkify.Pipeline.Generation;

namespace Sparkify.Pipeline.Tests.Generation;

public class GeneratorDeterminismTests
{
    [Test]
    public async Task Same_seed_writes_byte_identical_files()
    {
        using var first = new TempDir("gen");
        using var second = new TempDir("gen");

        await Generator.WriteAsync(first.Path, new GeneratorOptions(2, 7), CancellationToken.None);
        await Generator.WriteAsync(second.Path, new GeneratorOptions(2, 7), CancellationToken.None);

        Assert.That(Fingerprint(second.Path), Is.EqualTo(Fingerprint(first.Path)));
    }

    [Test]
    public async Task Different_seed_writes_different_files()
    {
        using var first = new TempDir("gen");
        using var second = new TempDir("gen");

        await Generator.WriteAsync(first.Path, new GeneratorOptions(1, 1), CancellationToken.None);
        await Generator.WriteAsync(second.Path, new GeneratorOptions(1, 2), CancellationToken.None);

        Assert.That(Fingerprint(second.Path), Is.Not.EqualTo(Fingerprint(first.Path)));
    }

    [Test]
    public async Task Writing_again_into_the_same_folder_replaces_the_previous_sample()
    {
        using var dir = new TempDir("gen");
        await Generator.WriteAsync(dir.Path, new GeneratorOptions(3, 42), CancellationToken.None);

        var result = await Generator.WriteAsync(dir.Path, new GeneratorOptions(1, 42), CancellationToken.None);

        Assert.That(Directory.GetFiles(dir.Path, "*.json", SearchOption.AllDirectories), Has.Length.EqualTo(result.Files));
    }

    [Test]
    public void Scale_out_of_range_is_refused_with_the_option_named()
    {
        using var dir = new TempDir("gen");

        var error = Assert.ThrowsAsync<PipelineException>(() => Generator.WriteAsync(dir.Path, new GeneratorOptions(0), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("--scale=0"));
    }

    /// Every file's relative path and SHA-256, in order.
    static List<string> Fingerprint(string root) =>
        GeneratedSampleFixture.Files(root)
            .Select(f => Path.GetRelativePath(root, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            .ToList();
}
