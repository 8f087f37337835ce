namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Where a Redshift COPY's outcome is read from: the rejected rows of a failed COPY (nine columns shaped like
/// STL_LOAD_ERRORS' file, line, column, type, length, raw line, raw value, code, reason) and the rows and files of a
/// committed one. Stl reads the STL views (provisioned clusters); SysOnly reads SYS_ views alone, which is all
/// Redshift Serverless has (STL_LOAD_ERRORS and STL_LOAD_COMMITS do not exist there).
/// </summary>
public sealed record CopyDiagnostics(string Name, string ErrorsFile, string SummaryFile)
{
    public static readonly CopyDiagnostics Stl = new("STL_LOAD_ERRORS", "redshift/last_copy_errors.sql", "redshift/last_copy_summary.sql");

    public static readonly CopyDiagnostics SysOnly =
        new("SYS_LOAD_ERROR_DETAIL", "redshift/sys/last_copy_errors.sql", "redshift/sys/last_copy_summary.sql");
}
