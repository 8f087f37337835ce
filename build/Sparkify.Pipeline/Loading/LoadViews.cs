namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Which Redshift system views a COPY's outcome is read from; the caller knows the warehouse's shape and decides.
/// SYS_ views exist on every shape; STL_LOAD_ERRORS (the one place with the raw line) only on provisioned single-AZ
/// clusters, not on Serverless nor Multi-AZ.
/// </summary>
public enum LoadViews
{
    /// SYS_LOAD_ERROR_DETAIL, SYS_LOAD_HISTORY, SYS_LOAD_DETAIL only: never an stl_ view (Serverless, Multi-AZ).
    SysOnly,

    /// The SYS_ views, plus the raw line and value from STL_LOAD_ERRORS (a provisioned single-AZ cluster).
    SysWithStlRawLine,
}
