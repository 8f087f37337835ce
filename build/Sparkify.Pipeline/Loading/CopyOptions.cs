using System.Text.RegularExpressions;
using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// The options of one COPY, with Redshift's defaults: FORMAT JSON, DATEFORMAT, TIMEFORMAT, ACCEPTINVCHARS,
/// BLANKSASNULL, EMPTYASNULL, TRUNCATECOLUMNS, ROUNDEC, IGNOREHEADER, MAXERROR, GZIP, MANIFEST, REGION, and
/// COMPUPDATE/STATUPDATE (Redshift only). Parallelism is the client-side loader's number of objects read at once.
/// <see cref="Validate"/> fails on anything that could not be passed to Redshift as a literal.
/// </summary>
public sealed partial record CopyOptions
{
    public CopyFormat Format { get; init; } = CopyFormat.Auto;
    public TimeFormat TimeFormat { get; init; } = TimeFormat.Auto;

    /// DATEFORMAT; null leaves it out of the COPY, which then reads 'YYYY-MM-DD' (DateFormat.Default).
    public DateFormat? DateFormat { get; init; }

    /// ACCEPTINVCHARS: invalid UTF-8 in a VARCHAR is replaced, byte for byte, by InvCharReplacement instead of
    /// rejecting the row (1220).
    public bool AcceptInvChars { get; init; }
    public char InvCharReplacement { get; init; } = '?';

    public bool BlanksAsNull { get; init; }
    public bool EmptyAsNull { get; init; }
    public bool TruncateColumns { get; init; }

    /// ROUNDEC: round decimals with more digits than the column's scale; without it they are truncated.
    public bool RoundDecimals { get; init; }

    /// IGNOREHEADER: lines skipped at the start of every file (for JSON too, counting newlines).
    public int IgnoreHeader { get; init; }
    public int MaxError { get; init; }
    public bool Gzip { get; init; }
    public bool Manifest { get; init; }

    /// The source bucket's region; null leaves REGION out (Redshift: the cluster's region).
    public string? Region { get; init; }

    public bool CompUpdate { get; init; }
    public bool StatUpdate { get; init; }
    public int Parallelism { get; init; } = 8;

    /// The [LOAD] options and the [S3] region of the configuration, with the given format.
    public static CopyOptions FromConfig(DwhConfig config, CopyFormat? format = null) => new CopyOptions
    {
        Format = format ?? CopyFormat.Auto,
        TimeFormat = TimeFormat.Parse(config.Load.TimeFormat),
        DateFormat = config.Load.DateFormat.Length == 0 ? null : DateFormat.Parse(config.Load.DateFormat),
        AcceptInvChars = config.Load.AcceptInvChars,
        InvCharReplacement = config.Load.InvCharReplacement.Length == 1 ? config.Load.InvCharReplacement[0] : '?',
        BlanksAsNull = config.Load.BlanksAsNull,
        EmptyAsNull = config.Load.EmptyAsNull,
        TruncateColumns = config.Load.TruncateColumns,
        RoundDecimals = config.Load.RoundDecimals,
        IgnoreHeader = config.Load.IgnoreHeader,
        MaxError = config.Load.MaxError,
        Region = config.S3.Region,
        CompUpdate = config.Load.CompUpdate,
        StatUpdate = config.Load.StatUpdate,
        Parallelism = config.Load.Parallelism,
    }.Validate();

    public CopyOptions Validate()
    {
        if (MaxError is < 0 or > LoadSettings.MaxErrorCeiling)
            throw new PipelineException($"MAXERROR {MaxError} is not from 0 to {LoadSettings.MaxErrorCeiling} (Redshift's range)");
        if (IgnoreHeader < 0)
            throw new PipelineException($"IGNOREHEADER {IgnoreHeader} is negative; it counts the lines skipped at the start of each file");
        if (LoadSettings.ReplacementProblem(InvCharReplacement.ToString()) is { } problem)
            throw new PipelineException($"ACCEPTINVCHARS replacement '{InvCharReplacement}' {problem}");
        if (Parallelism is < 1 or > 64)
            throw new PipelineException($"parallelism {Parallelism} is not from 1 to 64");
        if (Region is not null && !RegionName().IsMatch(Region))
            throw new PipelineException($"REGION '{Region}' is not an AWS region such as us-west-2");
        if (Format.JsonPathsLocation is { } paths && paths.Any(char.IsControl))
            throw new PipelineException($"JSONPaths location '{paths}' contains control characters");
        return this;
    }

    // \z, not $: in .NET $ also matches before a final newline, which would let "us-west-2\n" through.
    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d\z")]
    private static partial Regex RegionName();
}
