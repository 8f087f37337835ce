using Sparkify.Pipeline.Telemetry;

namespace Sparkify.Pipeline.Tests.Telemetry;

[Description("Issue 28 (3): ::error and ::warning annotations, at most 10 of each, with file and line")]
public class CiAnnotationsTests
{
    [Test]
    public void A_failed_check_is_an_error_at_its_sql_file_and_the_line_its_query_starts_on()
    {
        var annotations = CiAnnotations.From(SampleSummary.Etl(failedChecks: 1), Repo.Root);

        var check = annotations.Single();
        Assert.That(check.IsError, Is.True);
        Assert.That(check.File, Is.EqualTo("sql/quality/songplays_user_in_users.sql"));
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, check.File!));
        Assert.That(lines[check.Line!.Value - 1], Does.StartWith("select"), "the line of the query, after the header comments");
        Assert.That(check.Message, Does.Contain("user_id=999999"));
        Assert.That(check.Title, Is.EqualTo("check songplays_user_in_users failed"));
    }

    [Test]
    public void Rejected_rows_of_a_load_that_succeeded_are_warnings_at_their_s3_key_and_line()
    {
        var annotations = CiAnnotations.From(SampleSummary.Etl(loadErrors: 2, rejected: 2), Repo.Root);

        Assert.That(annotations, Has.Count.EqualTo(2));
        Assert.That(annotations.All(a => !a.IsError), Is.True, "MAXERROR let them through");
        Assert.That(annotations[0].File, Is.EqualTo("s3://sparkify-local/log_data/2018/11/2018-11-01-events.json"));
        Assert.That(annotations[0].Line, Is.EqualTo(10));
        Assert.That(annotations[0].Message, Does.Contain("column ts value 'x,y:z': Invalid timestamp format (code 1206)"));
    }

    [Test]
    public void Rejected_rows_of_a_failed_load_are_errors()
    {
        var annotations = CiAnnotations.From(SampleSummary.Etl(stageCopy: "failed", loadErrors: 1, rejected: 1), Repo.Root);

        Assert.That(annotations.Single().IsError, Is.True);
    }

    [Test]
    public void Past_ten_of_a_level_the_tenth_counts_the_rest_including_rejected_rows_not_listed()
    {
        // 12 failed checks: 9 shown and "3 more"; 15 listed load errors of 40 rejected rows: 9 shown and "31 more".
        var annotations = CiAnnotations.From(SampleSummary.Etl(failedChecks: 12, loadErrors: 15, rejected: 40), Repo.Root);

        var errors = annotations.Where(a => a.IsError).ToList();
        var warnings = annotations.Where(a => !a.IsError).ToList();
        Assert.That(errors, Has.Count.EqualTo(CiAnnotations.PerLevel));
        Assert.That(errors[^1].Message, Does.StartWith("3 more errors not annotated"));
        Assert.That(warnings, Has.Count.EqualTo(CiAnnotations.PerLevel));
        Assert.That(warnings[^1].Message, Does.StartWith("31 more warnings not annotated"));
    }

    [Test]
    public void A_target_that_failed_without_a_check_or_a_rejected_row_to_show_is_an_error_of_its_own()
    {
        var annotations = CiAnnotations.From(SampleSummary.Etl(stageCopy: "failed"), Repo.Root);

        Assert.That(annotations.Single(), Is.EqualTo(new CiAnnotation(true, "StageCopy failed; its error is in the log", "StageCopy failed")));
    }

    [Test]
    public void A_run_that_passed_everything_has_no_annotation()
    {
        Assert.That(CiAnnotations.From(SampleSummary.Etl(), Repo.Root), Is.Empty);
    }
}
