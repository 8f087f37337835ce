using System.Reflection;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using ArchUnitNET.NUnit;
using Sparkify.Pipeline.Runs;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Sparkify.Pipeline.Tests;

/// <summary>
/// The directions docs/architecture.md states, held by the compiled library itself (issue 23): a type that
/// reaches across a forbidden direction fails here, naming the type and what it uses.
/// </summary>
public class ArchitectureTests
{
    const string Library = "Sparkify.Pipeline";

    static readonly Architecture Architecture = new ArchLoader().LoadAssemblies(typeof(Run).Assembly).Build();

    static readonly string[] Folders =
        ["CommandLine", "Config", "State", "Safety", "Aws", "Local", "Platforms", "Warehouse", "Loading", "Modeling", "Quality",
         "Reporting", "Lineage", "Telemetry", "Generation", "Runs", "Targets"];

    static string Ns(string folder) => $"{Library}.{folder}";

    static GivenTypesConjunction In(string folder) => Types().That().ResideInNamespaceOrBelow(Ns(folder));

    /// Types of <paramref name="folder"/> use none of the other folders except <paramref name="allowed"/>.
    static void UsesOnly(string folder, params string[] allowed)
    {
        foreach (var other in Folders.Except(allowed.Append(folder)))
            In(folder).Should().NotDependOnAnyTypesThat().ResideInNamespaceOrBelow(Ns(other))
                .Because($"docs/architecture.md: {folder}/ uses only {(allowed.Length == 0 ? "no other folder" : string.Join(", ", allowed))}")
                .Check(Architecture);
    }

    [Test]
    public void Loading_uses_neither_targets_local_aws_nor_platforms()
    {
        foreach (var forbidden in new[] { "Targets", "Local", "Aws", "Platforms" })
            In("Loading").Should().NotDependOnAnyTypesThat().ResideInNamespaceOrBelow(Ns(forbidden))
                .Because("the COPY loader loads from any object store its caller hands it")
                .Check(Architecture);
    }

    [Test]
    public void Only_targets_and_the_runs_lifecycle_depend_on_run()
    {
        Types().That().DoNotResideInNamespaceOrBelow(Ns("Targets")).And().DoNotResideInNamespaceOrBelow(Ns("Runs"))
            .Should().NotDependOnAny(Types().That().Are(typeof(Run)))
            .Because("a class outside the target entry points takes the pieces it uses, never the whole run")
            .Check(Architecture);
    }

    [Test]
    public void No_method_outside_targets_and_runs_takes_a_run_parameter()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static |
                                 BindingFlags.DeclaredOnly;
        var takers = typeof(Run).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && !ns.StartsWith(Ns("Targets")) && !ns.StartsWith(Ns("Runs")))
            .SelectMany(t => t.GetMethods(all).Cast<MethodBase>().Concat(t.GetConstructors(all)))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Run)))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();
        Assert.That(takers, Is.Empty, "methods outside Targets/ and Runs/ that take a Run parameter");
    }

    [Test]
    public void Nothing_outside_targets_uses_targets()
    {
        Types().That().DoNotResideInNamespaceOrBelow(Ns("Targets")).Should().NotDependOnAnyTypesThat()
            .ResideInNamespaceOrBelow(Ns("Targets"))
            .Because("a target's entry class is the door; nothing behind it calls back through it")
            .Check(Architecture);
    }

    [Test]
    public void Warehouse_uses_no_other_folder() => UsesOnly("Warehouse");

    [Test]
    public void Safety_generation_and_telemetry_use_no_other_folder()
    {
        UsesOnly("Safety");
        UsesOnly("Generation");
        UsesOnly("Telemetry");
    }

    [Test]
    public void Config_uses_only_safety() => UsesOnly("Config", "Safety");

    [Test]
    public void State_uses_no_other_folder() => UsesOnly("State");

    [Test]
    public void Lineage_uses_only_config() => UsesOnly("Lineage", "Config");

    [Test]
    public void Aws_uses_only_config_and_state() => UsesOnly("Aws", "Config", "State");

    [Test]
    public void Only_local_platforms_runs_and_targets_use_local()
    {
        Types().That().DoNotResideInNamespaceOrBelow(Ns("Local")).And().DoNotResideInNamespaceOrBelow(Ns("Platforms"))
            .And().DoNotResideInNamespaceOrBelow(Ns("Runs")).And().DoNotResideInNamespaceOrBelow(Ns("Targets"))
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceOrBelow(Ns("Local"))
            .Because("the local profile's services are reached through the platform")
            .Check(Architecture);
    }

    [Test]
    public void Modeling_quality_and_reporting_use_no_cloud_local_or_loader_code()
    {
        foreach (var folder in new[] { "Modeling", "Quality", "Reporting" })
        foreach (var forbidden in new[] { "Aws", "Local", "Platforms", "Loading" })
            In(folder).Should().NotDependOnAnyTypesThat().ResideInNamespaceOrBelow(Ns(forbidden))
                .Because($"{folder}/ works on a warehouse connection, whatever the profile")
                .Check(Architecture);
    }
}
