using System.Diagnostics;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Tests.Graph;

/// The library must load inside Cake 7, whose own Microsoft.Extensions.Logging.Abstractions is older than Npgsql's.
[NonParallelizable]
public class CakeHostTests
{
    [Test]
    public async Task Npgsql_connection_and_aws_sdk_call_work_inside_a_cake_task()
    {
        var admin = await PostgresFixture.AdminAsync();
        var moto = await MotoFixture.EndpointAsync();
        using var dir = new TempDir("cake");
        var library = typeof(Run).Assembly.Location;
        File.WriteAllText(dir.File("probe.cake"), $$"""
            #r "{{library}}"
            #r "{{Path.Combine(Path.GetDirectoryName(library)!, "AWSSDK.Core.dll")}}"
            #r "{{Path.Combine(Path.GetDirectoryName(library)!, "AWSSDK.S3.dll")}}"
            Task("Probe").Does(async () =>
            {
                var pg = new Sparkify.Pipeline.Warehouse.WarehouseEndpoint(
                    Sparkify.Pipeline.Warehouse.Dialect.Postgres, "127.0.0.1", {{admin.Port}}, "postgres", "{{admin.User}}", Argument<string>("pgpass"));
                await using (var connection = await pg.OpenAsync(default))
                await using (var command = new Npgsql.NpgsqlCommand("select version()", connection))
                    Information("PG: " + await command.ExecuteScalarAsync());
                var s3 = new Amazon.S3.AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
                    new Amazon.S3.AmazonS3Config { ServiceURL = "{{moto}}", ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
                await s3.PutBucketAsync("cake-probe");
                var buckets = await s3.ListBucketsAsync();
                Information("S3: " + string.Join(",", buckets.Buckets.Select(b => b.BucketName)));
            });
            RunTarget("Probe");
            """);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            ArgumentList = { "tool", "run", "dotnet-cake", "--", dir.File("probe.cake"), $"--pgpass={PostgresFixture.AdminPassword}" },
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.That(process.ExitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("PG: PostgreSQL 15"));
        Assert.That(output, Does.Contain("S3: ").And.Contains("cake-probe"));
    }
}
