using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Quality;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Quality;

/// On PostgreSQL a key check whose key the catalog shows enforced (NOT NULL columns, a valid unique index) passes
/// without its scan, with the outcome its scan gives; without the constraint the scan runs and finds what it plants.
[Description("issue 29: Verify answers enforced keys from the catalog")]
public class UniqueKeyTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);

    static readonly string[] KeyChecks =
    [
        "artists_artist_id_unique_not_null", "songplays_natural_key_unique", "songplays_songplay_id_unique_not_null",
        "songs_song_id_unique_not_null", "time_start_time_unique_not_null", "users_user_id_unique_not_null",
    ];

    static List<QualityCheck> Checks() => Sql.List(Verify.Folder).Select(f => QualityCheck.From(f, Sql.Read(f))).ToList();

    static Task<TestWarehouse> TransformedAsync() => VerifyTests.TransformedAsync();

    static async Task<IReadOnlySet<string>> EnforcedAsync(TestWarehouse warehouse)
    {
        await using var connection = await warehouse.Db.OpenAsync(CancellationToken.None);
        return await UniqueKey.EnforcedAsync(connection, Sql, Checks(), CancellationToken.None);
    }

    static string Line(CheckOutcome o) => $"{o.Check.Name} {o.Status} {o.Rows} [{string.Join(",", o.Columns)}] {string.Join(" | ", o.FirstRows)}";

    [Test]
    public async Task Every_key_check_names_its_key_and_a_transformed_warehouse_enforces_each_of_them()
    {
        var warehouse = await TransformedAsync();

        Assert.That(Checks().Where(c => c.Key is not null).Select(c => c.Name), Is.EquivalentTo(KeyChecks));
        Assert.That(await EnforcedAsync(warehouse), Is.EquivalentTo(KeyChecks));
    }

    [Test]
    public async Task An_enforced_check_passes_with_the_outcome_its_scan_gives_columns_included()
    {
        var warehouse = await TransformedAsync();
        await using var one = await warehouse.Db.OpenAsync(CancellationToken.None);
        await using var two = await warehouse.Db.OpenAsync(CancellationToken.None);

        var scanned = await CheckRunner.RunAsync([one, two], Checks(), [], EventRange.All, CancellationToken.None);
        var answered = await CheckRunner.RunAsync([one, two], Checks(), [], EventRange.All, CancellationToken.None,
            enforced: await EnforcedAsync(warehouse));

        Assert.That(answered.Select(Line), Is.EqualTo(scanned.Select(Line)));
        Assert.That(answered.Single(o => o.Check.Name == "songplays_natural_key_unique").Columns,
            Is.EqualTo(new[] { "session_id", "item_in_session", "user_id", "copies" }));
    }

    [Test]
    public async Task Without_its_unique_constraint_the_scan_runs_and_finds_the_planted_duplicate()
    {
        var warehouse = await TransformedAsync();
        await warehouse.ExecuteAsync("alter table songplays drop constraint songplays_session_id_item_in_session_user_id_key");
        await warehouse.ExecuteAsync("""
            insert into songplays (start_time, user_id, level, session_id, item_in_session)
            select start_time, user_id, level, session_id, item_in_session from songplays where user_id = '7'
            """);

        var report = await warehouse.VerifyAsync();

        Assert.That(await EnforcedAsync(warehouse), Does.Not.Contain("songplays_natural_key_unique"));
        var failed = report.Failures.ToDictionary(f => f.Check.Name, f => f.Rows);
        Assert.That(failed["songplays_natural_key_unique"], Is.EqualTo(1));
        Assert.That(report.Failures.Single(f => f.Check.Name == "songplays_natural_key_unique").FirstRows.Single(),
            Is.EqualTo("session_id=1, item_in_session=0, user_id=7, copies=2"));
    }

    [Test]
    public async Task A_unique_index_over_a_nullable_column_is_not_enough_and_the_scan_finds_the_null_key()
    {
        var warehouse = await TransformedAsync();
        await warehouse.ExecuteAsync("alter table songplays drop constraint songplays_session_id_item_in_session_user_id_key");
        await warehouse.ExecuteAsync("alter table songplays alter column session_id drop not null");
        await warehouse.ExecuteAsync("create unique index songplays_key_nullable on songplays (session_id, item_in_session, user_id)");
        await warehouse.ExecuteAsync("update songplays set session_id = null where user_id = '8'");

        var report = await warehouse.VerifyAsync();

        Assert.That(await EnforcedAsync(warehouse), Does.Not.Contain("songplays_natural_key_unique").And.Contain("songplays_songplay_id_unique_not_null"));
        Assert.That(report.Failures.ToDictionary(f => f.Check.Name, f => f.Rows)["songplays_natural_key_unique"], Is.EqualTo(1));
    }

    [Test]
    public void A_key_line_that_is_not_table_and_columns_is_refused_with_its_file()
    {
        Assert.That(() => QualityCheck.From("quality/x.sql", "-- unique key: songplays session_id\nselect 1 as one"),
            Throws.TypeOf<PipelineException>().With.Message.Contains("sql/quality/x.sql").And.Message.Contains("table (column, column)"));
        Assert.That(QualityCheck.From("quality/y.sql", "-- unique key: time (start_time)\nselect 1 as one").Key,
            Is.EqualTo(new UniqueKey("time", ["start_time"])).Using<UniqueKey>((a, b) => a.Table == b.Table && a.Columns.SequenceEqual(b.Columns)));
    }
}
