// The suite starts real PostgreSQL and moto servers the way the local profile does: it runs on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
