using System.Collections;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Config;

/// [CLUSTER] connect_timeout_seconds and command_timeout_seconds: every wait on the warehouse has a bound (issue 26).
public class TimeoutSettingsTests
{
    static DwhConfig Load(params ConfigValue[] cli) => DwhConfig.FromFile(Path.Combine(Repo.Root, "dwh.cfg"), new Hashtable(), cli);

    [Test]
    public void The_repository_dwh_cfg_bounds_connections_and_statements()
    {
        var cluster = Load().Cluster;

        Assert.That((cluster.ConnectTimeoutSeconds, cluster.CommandTimeoutSeconds), Is.EqualTo((15, 3600)));
    }

    [Test]
    public void Zero_lifts_the_command_timeout_and_a_negative_one_is_refused()
    {
        Assert.That(Load(ConfigLayers.FromArgument("CLUSTER", "command_timeout_seconds=0")!).Cluster.CommandTimeoutSeconds, Is.EqualTo(0));

        var e = Assert.Throws<PipelineException>(() => Load(ConfigLayers.FromArgument("CLUSTER", "command_timeout_seconds=-1")!));

        Assert.That(e!.Message, Is.EqualTo("command line --CLUSTER:command_timeout_seconds '-1' is not a whole number from 0 to 86400"));
    }
}
