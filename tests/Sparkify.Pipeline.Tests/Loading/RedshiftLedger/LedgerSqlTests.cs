using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Loading.RedshiftLedger;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Loading.RedshiftLedger;

/// The swap's statements as Redshift receives them for staging_songs, pinned; their columns come from the DDL.
public class LedgerSqlTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    const string Columns = "num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title, duration, year";

    [Test]
    public void The_copy_columns_are_the_ddls_without_object_id_in_order()
    {
        Assert.That(string.Join(", ", StagingColumns.Of(Sql, "staging_songs")!), Is.EqualTo(Columns));
        Assert.That(StagingColumns.Of(Sql, "staging_events"), Has.Count.EqualTo(18).And.No.EqualTo("object_id"));
        Assert.That(StagingColumns.Of(Sql, "not_a_staging_table"), Is.Null);
    }

    [Test]
    public void The_swap_statements_for_staging_songs_are_pinned()
    {
        Assert.That(LedgerSql.Render(Sql, "create_load_table.sql", "staging_songs"), Is.EqualTo("create temp table load_staging_songs (like staging_songs)"));
        Assert.That(LedgerSql.Render(Sql, "tag_load_rows.sql", "staging_songs"),
            Is.EqualTo("update load_staging_songs set object_id = @object_id where object_id is null"));
        Assert.That(LedgerSql.Render(Sql, "delete_replaced_rows.sql", "staging_songs"), Is.EqualTo("""
            delete from staging_songs
            where object_id in (select o.old_object_id from load_objects as o where o.old_object_id is not null)
            """));
        Assert.That(LedgerSql.Render(Sql, "insert_loaded_rows.sql", "staging_songs"), Is.EqualTo($"""
            insert into staging_songs ({Columns}, object_id)
            select {Columns}, object_id
            from load_staging_songs
            """));
        Assert.That(LedgerSql.InsertLoadObjects(Sql, 2).Split('\n')[^2..], Is.EqualTo(new[]
        {
            "values (@object_key_0, @change_0, @object_id_0, @load_group_0, @content_id_0, @size_bytes_0, @rows_loaded_0, @rejected_0, @day_from_0, @day_to_0, @old_object_id_0, @change_day_from_0, @change_day_to_0),",
            "    (@object_key_1, @change_1, @object_id_1, @load_group_1, @content_id_1, @size_bytes_1, @rows_loaded_1, @rejected_1, @day_from_1, @day_to_1, @old_object_id_1, @change_day_from_1, @change_day_to_1)",
        }));
    }
}
