using Sparkify.Pipeline.Loading.Ledger;
using Sparkify.Pipeline.Loading.RedshiftLedger;
using static Sparkify.Pipeline.Tests.Loading.RedshiftLedger.LedgerLoadKit;

namespace Sparkify.Pipeline.Tests.Loading.RedshiftLedger;

/// <summary>
/// issue 27 on Redshift: the exact COPYs the ledger load sends for each case, and what the rest of its SQL leaves in a
/// real PostgreSQL (staging rows with their object ids, load_ledger, staging_changes). Redshift's COPY from S3 is the
/// one stand-in (<see cref="RedshiftStandIn"/>); every other statement is the load's own. Each case ends equal to a
/// fresh load of the same objects.
/// </summary>
public class RedshiftLedgerLoadTests
{
    const string Songs = "from 's3://sparkify-test/song_data/";

    static async Task<RedshiftStandIn> ThreeSongsLoadedAsync()
    {
        var s3 = await RedshiftStandIn.CreateAsync();
        s3.Put("song_data/A/A/x1.json", "S1");
        s3.Put("song_data/A/A/x2.json", "S2");
        s3.Put("song_data/A/B/y1.json", "S3");
        await LoadAsync(s3);
        await ClearChangesAsync(s3.Db);
        return s3;
    }

    [Test]
    public async Task A_first_load_copies_the_whole_source_as_one_folder_and_every_row_carries_its_copys_id()
    {
        var s3 = await RedshiftStandIn.CreateAsync();
        s3.Put("song_data/A/A/x1.json", "S1");
        s3.Put("song_data/A/A/x2.json", "S2");
        s3.Put("song_data/A/B/y1.json", "S3");
        await RowsAsync(s3.Db, "insert into staging_songs (song_id, title) values ('old', 'an older full load') returning 'x'");

        var (result, plan, copies) = await LoadAsync(s3);

        Assert.That(copies, Is.EqualTo(new[]
            { PinnedCopy.Statement("load_staging_songs", PinnedCopy.SongColumns, "s3://sparkify-test/song_data/", "auto") }));
        Assert.That(await SongsAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/A/x1.json S1 #1", "song_data/A/A/x2.json S2 #1", "song_data/A/B/y1.json S3 #1" }),
            "the older load's row without an object is replaced");
        Assert.That(await LedgerAsync(s3.Db), Is.EqualTo(new[]
        {
            "song_data/A/A/x1.json #1 g1 loaded 1", "song_data/A/A/x2.json #1 g1 loaded 1", "song_data/A/B/y1.json #1 g1 loaded 1",
        }));
        Assert.That(await ChangesAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/A/x1.json added", "song_data/A/A/x2.json added", "song_data/A/B/y1.json added" }));
        Assert.That((plan.Count("added"), plan.Unchanged, result.Rows, result.ObjectsListed), Is.EqualTo((3, 0, 3L, 3)));
        Assert.That(result.Counts, Is.EqualTo(new ObjectCounts(3, 0, 0, 0, 0)));
    }

    [Test]
    public async Task One_new_object_is_copied_alone_from_its_exact_key_and_nothing_else_is_read()
    {
        var s3 = await ThreeSongsLoadedAsync();
        s3.Put("song_data/A/B/y2.json", "S4");

        var (_, plan, copies) = await LoadAsync(s3);

        Assert.That(Froms(copies), Is.EqualTo(new[] { Songs + "A/B/y2.json'" }));
        Assert.That(await SongsAsync(s3.Db), Has.Member("song_data/A/B/y2.json S4 #2").And.Member("song_data/A/A/x1.json S1 #1"));
        Assert.That(await ChangesAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/B/y2.json added" }));
        Assert.That((plan.Count("added"), plan.Count("reloaded"), plan.Unchanged), Is.EqualTo((1, 0, 3)));
        Assert.That(await SongsAsync(s3.Db, withIds: false), Is.EqualTo(await FreshSongsAsync(s3)));
    }

    [Test]
    [Description("The unit of reload is the COPY: an edited object's rows share their id with its COPY group's")]
    public async Task An_edit_replaces_the_objects_rows_and_reloads_the_rest_of_its_copy_group()
    {
        var s3 = await ThreeSongsLoadedAsync();
        s3.Put("song_data/A/A/x1.json", "S1-edited");

        var (_, plan, copies) = await LoadAsync(s3);

        Assert.That(Froms(copies), Is.EqualTo(new[] { Songs + "'" }));
        Assert.That(await SongsAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/A/x1.json S1-edited #2", "song_data/A/A/x2.json S2 #2", "song_data/A/B/y1.json S3 #2" }));
        Assert.That(await ChangesAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/A/x1.json changed" }), "reloaded objects are the same rows again");
        Assert.That((plan.Count("changed"), plan.Count("reloaded")), Is.EqualTo((1, 2)));
        Assert.That(plan.Summary(), Does.Contain("2 reloaded with their COPY group"));
        Assert.That(await SongsAsync(s3.Db, withIds: false), Is.EqualTo(await FreshSongsAsync(s3)));
    }

    [Test]
    public async Task A_removed_object_loses_its_rows_with_no_copy_unless_its_group_must_reload()
    {
        var s3 = await ThreeSongsLoadedAsync();
        s3.Put("song_data/A/B/y2.json", "S4");
        await LoadAsync(s3);
        await ClearChangesAsync(s3.Db);

        s3.Objects.Remove("song_data/A/B/y2.json");
        var (_, alone, aloneCopies) = await LoadAsync(s3);
        s3.Objects.Remove("song_data/A/A/x2.json");
        var (_, grouped, groupCopies) = await LoadAsync(s3);

        Assert.That(aloneCopies, Is.Empty);
        Assert.That(Froms(groupCopies), Is.EqualTo(new[] { Songs + "'" }));
        Assert.That((alone.Count("removed"), grouped.Count("removed"), grouped.Count("reloaded")), Is.EqualTo((1, 1, 2)));
        // Ids are unique among the rows present: y2's id 2 left with its rows, so the ledger's highest is 1 again.
        Assert.That(await SongsAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/A/x1.json S1 #2", "song_data/A/B/y1.json S3 #2" }));
        Assert.That(await LedgerAsync(s3.Db), Has.Count.EqualTo(2));
        Assert.That(await ChangesAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/A/x2.json removed", "song_data/A/B/y2.json removed" }));
        Assert.That(await SongsAsync(s3.Db, withIds: false), Is.EqualTo(await FreshSongsAsync(s3)));
    }

    [Test]
    public async Task A_renamed_object_is_a_removal_plus_an_addition_and_its_rows_are_there_once()
    {
        var s3 = await ThreeSongsLoadedAsync();
        s3.Objects["song_data/A/B/y1-renamed.json"] = s3.Objects["song_data/A/B/y1.json"];
        s3.Objects.Remove("song_data/A/B/y1.json");

        var (_, plan, copies) = await LoadAsync(s3);

        Assert.That(Froms(copies), Is.EqualTo(new[] { Songs + "'" }));
        Assert.That(await SongsAsync(s3.Db, withIds: false), Is.EqualTo(new[] { "song_data/A/A/x1.json S1", "song_data/A/A/x2.json S2", "song_data/A/B/y1-renamed.json S3" }));
        Assert.That(await ChangesAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/B/y1-renamed.json added", "song_data/A/B/y1.json removed" }));
        Assert.That((plan.Count("added"), plan.Count("removed")), Is.EqualTo((1, 1)));
        Assert.That(await SongsAsync(s3.Db, withIds: false), Is.EqualTo(await FreshSongsAsync(s3)));
    }

    [Test]
    [Description("COPY FROM is a prefix: FROM '…/t.json' would also read '…/t.json.v2'")]
    public async Task A_key_that_is_the_prefix_of_another_key_is_copied_through_its_folder_never_alone()
    {
        var s3 = await ThreeSongsLoadedAsync();
        s3.Put("song_data/B/t.json", "S5");
        await LoadAsync(s3);
        s3.Put("song_data/B/t.json.v2", "S6");
        await LoadAsync(s3);
        await ClearChangesAsync(s3.Db);
        s3.Put("song_data/B/t.json", "S5-edited");

        var (_, plan, copies) = await LoadAsync(s3);

        Assert.That(Froms(copies), Is.EqualTo(new[] { Songs + "B/'" }));
        Assert.That((plan.Count("changed"), plan.Count("reloaded")), Is.EqualTo((1, 1)));
        Assert.That(await ChangesAsync(s3.Db), Is.EqualTo(new[] { "song_data/B/t.json changed" }));
        Assert.That(await SongsAsync(s3.Db, withIds: false), Is.EqualTo(await FreshSongsAsync(s3)));
    }

    [Test]
    [Description("An object that appears between the listing and the COPY must never be loaded without its ledger row")]
    public async Task Files_that_appear_after_the_listing_fail_the_load_and_nothing_commits()
    {
        var s3 = await ThreeSongsLoadedAsync();
        var before = (await SongsAsync(s3.Db), await LedgerAsync(s3.Db));
        s3.Put("song_data/A/A/x1.json", "S1-edited");
        var listing = s3.List("song_data");
        s3.Put("song_data/A/B/late.json", "S9");

        Assert.That(() => LoadAsync(s3, listing: listing), Throws.InstanceOf<PipelineException>().With.Message.Contains(
            "not listed (appeared after the listing?): s3://sparkify-test/song_data/A/B/late.json").And.Message.Contains("nothing of staging_songs was committed"));
        Assert.That((await SongsAsync(s3.Db), await LedgerAsync(s3.Db)), Is.EqualTo(before));
        Assert.That(await ChangesAsync(s3.Db), Is.Empty);

        s3.Put("song_data/A/A/x1.json", "S1");
        s3.Objects.Remove("song_data/A/B/late.json");
        s3.Put("song_data/C/new.json", "S7");
        listing = s3.List("song_data");
        s3.Put("song_data/C/new.json.tmp", "S8");
        Assert.That(() => LoadAsync(s3, listing: listing), Throws.InstanceOf<PipelineException>().With.Message.Contains(
            "from s3://sparkify-test/song_data/C/new.json read other files than the run listed; not listed (appeared after the listing?): s3://sparkify-test/song_data/C/new.json.tmp"));
        Assert.That(await SongsAsync(s3.Db), Is.EqualTo(before.Item1));
    }

    [Test]
    public async Task An_object_that_fails_is_marked_failed_keeps_the_old_rows_and_is_loaded_once_fixed()
    {
        var s3 = await ThreeSongsLoadedAsync();
        var before = await SongsAsync(s3.Db);
        s3.Put("song_data/C/broken.json", "bad");

        Assert.That(() => LoadAsync(s3), Throws.InstanceOf<PipelineException>().With.Message.Contains("Invalid digit")
            .And.Message.Contains("marked failed and retried by the next run"));
        Assert.That(await SongsAsync(s3.Db), Is.EqualTo(before));
        Assert.That(await LedgerAsync(s3.Db), Has.Member("song_data/C/broken.json #2 g2 failed 0"));

        s3.Put("song_data/C/broken.json", "S10");
        var (_, plan, copies) = await LoadAsync(s3);

        Assert.That(Froms(copies), Is.EqualTo(new[] { Songs + "C/broken.json'" }));
        Assert.That(plan.Count("changed"), Is.EqualTo(1));
        Assert.That(await LedgerAsync(s3.Db), Has.Member("song_data/C/broken.json #3 g3 loaded 1"));
        Assert.That(await SongsAsync(s3.Db, withIds: false), Is.EqualTo(await FreshSongsAsync(s3)));
    }
}
