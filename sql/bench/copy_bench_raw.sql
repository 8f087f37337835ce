-- bench_raw: each line the client streams becomes one jsonb document.
-- why: csv with quote 0x01 and delimiter 0x02, bytes JSON never holds unescaped, passes each line through verbatim;
-- the text format would unescape the JSON's own backslashes (\" \/ \u00e9) and corrupt it.
copy bench_raw (doc) from stdin with (format csv, quote e'\x01', delimiter e'\x02')
