using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Sparkify.Pipeline;

/// <summary>
/// Lets the library load inside Cake, which references the dll with #r and already ships older copies of some
/// dependencies (Microsoft.Extensions.Logging.Abstractions 8; Npgsql 10 needs 10). A dependency is probed beside
/// this dll; when the host's trusted set holds the same name at a lower version, the default context refuses
/// it, so it goes into a private context instead. Nothing of it crosses back into Cake's types.
/// </summary>
internal static class DependencyResolver
{
    static readonly string BinDir = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!;
    static readonly AssemblyLoadContext Private = new("Sparkify.Pipeline.Private");
    static readonly object Gate = new();

#pragma warning disable CA2255 // a library module initializer is the point: it must run before Npgsql loads
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;

    static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        var path = Path.Combine(BinDir, name.Name + ".dll");
        if (string.IsNullOrEmpty(BinDir) || !File.Exists(path)) return null;
        lock (Gate)
        {
            var loaded = Private.Assemblies.FirstOrDefault(a => a.GetName().Name == name.Name);
            if (loaded is not null) return loaded;
            try
            {
                return context.LoadFromAssemblyPath(path);
            }
            catch (FileLoadException)
            {
                return Private.LoadFromAssemblyPath(path);
            }
        }
    }
}
