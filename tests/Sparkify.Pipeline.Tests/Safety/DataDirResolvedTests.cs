using Sparkify.Pipeline.Safety;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Safety;

/// <summary>
/// Issue 24, rule 4: [LOCAL] data_dir is resolved. A link is followed and the real folder recorded; Teardown removes
/// what the pipeline put in it and keeps what the user made: a folder that existed before the run, the link itself.
/// </summary>
[NonParallelizable]
public class DataDirResolvedTests
{
    [Test]
    [Category("Slow")]
    [Description("issue 24: Teardown deleted the user's symlink and left the pipeline's files behind it, printing 'removed'")]
    public void A_data_dir_that_is_a_link_keeps_the_link_and_its_folder_and_loses_only_what_the_pipeline_put_there()
    {
        using var build = new BuildScript();
        using var mine = new TempDir("mine");
        var target = Directory.CreateDirectory(mine.File("target")).FullName;
        var link = mine.File("link");
        File.CreateSymbolicLink(link, target);

        var provisioned = build.RunWithDataDir(link, "Provision");
        Assert.That(provisioned.ExitCode, Is.EqualTo(0), provisioned.Output);
        Assert.That(File.Exists(Path.Combine(target, "moto.log")), Is.True, "moto's files are not in the folder the link points at");
        Assert.That(StateFile.For(build.StateDir, "local").Load().OwnedFolders, Does.Contain(target).And.Not.Contain(link),
            "the state must record the real folder");

        var result = build.RunWithDataDir(link, "Teardown");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target), "the user's link was removed or changed");
        Assert.That(Directory.Exists(target), Is.True, "the folder the user made before the run was removed");
        Assert.That(Directory.GetFileSystemEntries(target), Is.Empty, "the pipeline's files were left behind");
        Assert.That(StateFile.For(build.StateDir, "local").Load().OwnedFolders, Is.Empty);
    }

    [Test]
    [Category("Slow")]
    [Description("issue 24: Teardown deleted an empty folder the user made before the run")]
    public void An_empty_folder_the_user_made_before_the_run_is_emptied_and_kept()
    {
        using var build = new BuildScript();
        using var mine = new TempDir("mine");
        var folder = Directory.CreateDirectory(mine.File("empty")).FullName;
        File.WriteAllText(mine.File("beside.txt"), "keep");

        var provisioned = build.RunWithDataDir(folder, "Provision");
        Assert.That(provisioned.ExitCode, Is.EqualTo(0), provisioned.Output);
        var result = build.RunWithDataDir(folder, "Teardown");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(Directory.Exists(folder), Is.True, "the user's folder was removed");
        Assert.That(Directory.GetFileSystemEntries(folder), Is.Empty);
        Assert.That(File.ReadAllText(mine.File("beside.txt")), Is.EqualTo("keep"));
    }

    [Test]
    public void A_folder_the_pipeline_made_is_removed_whole_and_links_inside_it_are_not_followed()
    {
        using var mine = new TempDir("mine");
        var precious = Directory.CreateDirectory(mine.File("precious")).FullName;
        File.WriteAllText(Path.Combine(precious, "thesis.txt"), "three years");
        var made = mine.File("made");
        OwnedFolder.Ensure(made, "a test");
        File.CreateSymbolicLink(Path.Combine(made, "shortcut"), precious);

        Assert.That(OwnedFolder.Remove(made), Is.Null);

        Assert.That(Directory.Exists(made), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(precious, "thesis.txt")), Is.EqualTo("three years"));
    }

    [Test]
    public void A_data_dir_that_is_a_link_to_the_checkout_or_a_tracked_folder_is_refused()
    {
        using var mine = new TempDir("mine");
        File.CreateSymbolicLink(mine.File("to-checkout"), Repo.Root);
        File.CreateSymbolicLink(mine.File("to-sql"), Path.Combine(Repo.Root, "sql"));

        Assert.That(PathGuard.Problem(mine.File("to-checkout"), Repo.Root), Is.EqualTo("is the checkout itself"));
        Assert.That(PathGuard.Problem(mine.File("to-sql"), Repo.Root), Does.StartWith("holds files tracked by git"));
    }
}
