using Sparkify.Pipeline.Loading;

namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// Which objects COPY reads: key prefixes, manifests (mandatory or not) and GZIP objects.
static partial class ConformanceCases
{
    static IEnumerable<ConformanceCase> Sources()
    {
        var days = Enumerable.Range(1, 11).ToDictionary(d => $"data/2018-11-{d:00}-events.json", d => $$"""{"k": "day{{d}}", "n": {{d}}}""");
        yield return new("prefix_matches_keys_not_folders", S3Source, "FROM is a key prefix: every object whose key starts with it is loaded")
        {
            Files = days, From = "data/2018-11-0",
            Rows = Enumerable.Range(1, 9).Select(d => $"day{d}|{d}").ToArray(),
        };
        yield return new("prefix_matches_sibling_folders_and_files", S3Source,
            "A prefix such as custfolder also loads custfolder_1/ and custfolder.log: whatever shares the prefix")
        {
            Files = new Dictionary<string, string>
            {
                ["cust/a.json"] = """{"k": "in folder", "n": 1}""", ["cust_1/b.json"] = """{"k": "sibling folder", "n": 2}""",
                ["cust.log"] = """{"k": "sibling file", "n": 3}""", ["other/c.json"] = """{"k": "elsewhere", "n": 4}""",
            },
            From = "cust",
            Rows = ["in folder|1", "sibling folder|2", "sibling file|3"],
        };
        yield return new("a_prefix_with_no_object_fails", S3Source, "COPY needs at least one object under FROM")
        {
            Silent = "the guide states it for manifests; for a prefix with no object Redshift fails too, and so does the loader",
            Files = days, From = "data/2019",
            Fails = "no object matches that prefix",
        };
        var manifest = new Dictionary<string, string>
        {
            ["data/custdata.1"] = """{"k": "one", "n": 1}""", ["data/custdata.2"] = """{"k": "two", "n": 2}""",
            ["data/custdata.backup"] = """{"k": "backup", "n": 9}""",
        };
        const string manifestPin = "format as json 'auto' | timeformat as 'auto' | manifest | maxerror as 0";
        var withManifest = Plain with { Manifest = true };
        yield return new("manifest_loads_only_its_entries", ManifestExample,
            "Only the files a manifest lists are loaded; others sharing their prefix, such as custdata.backup, are not")
        {
            Files = new Dictionary<string, string>(manifest)
            {
                ["load.manifest"] = """{"entries": [{"url": "{root}/data/custdata.1", "mandatory": true}, {"url": "{root}/data/custdata.2"}]}""",
            },
            From = "load.manifest", Options = withManifest, Redshift = manifestPin,
            Rows = ["one|1", "two|2"],
        };
        yield return new("manifest_mandatory_entry_missing_fails", ManifestExample, "With mandatory true, COPY terminates when that file does not exist")
        {
            Files = new Dictionary<string, string>(manifest)
            {
                ["load.manifest"] = """{"entries": [{"url": "{root}/data/custdata.1"}, {"url": "{root}/data/custdata.3", "mandatory": true}]}""",
            },
            From = "load.manifest", Options = withManifest, Redshift = manifestPin,
            Fails = "mandatory entry",
        };
        yield return new("manifest_optional_entry_missing_is_skipped", ManifestExample, "mandatory defaults to false: a missing optional file is skipped")
        {
            Files = new Dictionary<string, string>(manifest)
            {
                ["load.manifest"] = """{"entries": [{"url": "{root}/data/custdata.1"}, {"url": "{root}/data/custdata.3", "mandatory": false}, {"url": "{root}/data/custdata.4"}]}""",
            },
            From = "load.manifest", Options = withManifest, Redshift = manifestPin,
            Rows = ["one|1"],
        };
        yield return new("manifest_with_no_file_found_fails", ManifestExample, "Whatever the mandatory flags, COPY terminates if no files are found")
        {
            Files = new Dictionary<string, string>(manifest) { ["load.manifest"] = """{"entries": [{"url": "{root}/data/custdata.7"}]}""" },
            From = "load.manifest", Options = withManifest, Redshift = manifestPin,
            Fails = "no file of manifest",
        };
        const string gzipPin = "format as json 'auto' | timeformat as 'auto' | gzip | maxerror as 0";
        var gzip = Plain with { Gzip = true };
        var body = string.Join("\n", Enumerable.Range(1, 400).Select(i => $$"""{"k": "row{{i}}", "n": {{i}}}"""));
        var packed = Gzip(body);
        yield return new("gzip_objects_are_decompressed", Compression, "With GZIP, COPY reads each file as gzip and decompresses it as it loads")
        {
            RawFiles = new Dictionary<string, byte[]> { ["data/part.json.gz"] = packed }, Options = gzip, Redshift = gzipPin,
            Rows = Enumerable.Range(1, 400).Select(i => $"row{i}|{i}").ToArray(),
        };
        yield return new("gzip_truncated_object_fails_naming_it", Compression, "The file is decompressed as it loads: a file that is not whole gzip is no load")
        {
            Silent = "the guide does not describe a truncated object; the loader fails naming it and loads nothing of the table, never part of it",
            RawFiles = new Dictionary<string, byte[]> { ["data/part.json.gz"] = packed[..(packed.Length * 2 / 3)] }, Options = gzip, Redshift = gzipPin,
            Fails = "part.json.gz is truncated or corrupt",
        };
        yield return new("gzip_object_missing_its_trailer_fails", Compression, "A gzip file ends with its CRC32 and length; without them it is not whole")
        {
            Silent = "as above: a missing trailer (the last 8 bytes) is the shortest truncation, and it fails the same way",
            RawFiles = new Dictionary<string, byte[]> { ["data/part.json.gz"] = packed[..^8] }, Options = gzip, Redshift = gzipPin,
            Fails = "part.json.gz is truncated or corrupt",
        };
        var corrupt = (byte[])packed.Clone();
        corrupt[^7] ^= 0x5a;
        yield return new("gzip_object_with_a_wrong_crc_fails", Compression, "A gzip file whose CRC32 does not match its data is corrupt")
        {
            Silent = "the guide does not describe corrupt objects; the loader fails naming the object",
            RawFiles = new Dictionary<string, byte[]> { ["data/part.json.gz"] = corrupt }, Options = gzip, Redshift = gzipPin,
            Fails = "part.json.gz",
        };
        yield return new("gzip_set_on_a_plain_object_fails", Compression, "GZIP says the input files are gzip-compressed")
        {
            Files = Data("""{"k": "plain", "n": 1}"""), Options = gzip, Redshift = gzipPin,
            Fails = "is not valid gzip data",
        };
        yield return new("gzip_object_of_several_members_loads_all", Compression, "A gzip file may hold several members one after another")
        {
            Silent = "the guide does not mention multi-member gzip (cat a.gz b.gz); every member is loaded, as gzip -d does",
            RawFiles = new Dictionary<string, byte[]> { ["data/part.json.gz"] = [.. Gzip("""{"k": "first", "n": 1}""" + "\n"), .. Gzip("""{"k": "second", "n": 2}""")] },
            Options = gzip, Redshift = gzipPin,
            Rows = ["first|1", "second|2"],
        };
    }
}
