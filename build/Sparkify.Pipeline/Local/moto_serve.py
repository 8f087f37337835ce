"""moto's server (moto_server, unchanged) plus one route for seeding the local profile's bucket in bulk.

POST /_sparkify/put-objects?bucket=NAME, body: a tar archive. Each regular member becomes the object whose key is
the member's name, stored through moto's own S3 backend (so listing, GET and ETag are moto's as for any PUT);
the answer is a JSON object {key: etag}. Why: moto serves a few hundred requests a second, so the 10,101 PUTs of a
scale-100 sample took 45-80 s; one request per few thousand objects takes about a second (docs/local-profile.md).
GET /_sparkify/list-objects?bucket=NAME lists the whole bucket in one JSON answer (moto's own listing, unpaged).
Everything else goes to moto unchanged. Without moto importable here, this runs moto_server itself.
"""
import hashlib
import io
import json
import os
import re
import sys
import tarfile
from datetime import datetime
from urllib.parse import parse_qs

ROUTE = "/_sparkify/put-objects"
LIST_ROUTE = "/_sparkify/list-objects"

try:
    from dateutil.tz import tzutc
    from moto import server
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.core import serialize
    from moto.s3.models import s3_backends
except ImportError:
    os.execvp("moto_server", ["moto_server"] + sys.argv[1:])

# moto's response serializer turns every timestamp it is given back into a datetime with botocore's
# parse_to_aware_datetime, and S3 objects hand it their LastModified as a string ("2018-11-01T00:00:00.000Z"), which
# botocore parses with dateutil (about 120 us each): profiled, 80% of a ListObjectsV2 page of 1,000 keys
# (docs/local-profile.md). This exact form is parsed here to the same aware UTC datetime (about 4 us); every other
# value, and every Python older than 3.11 (whose fromisoformat does not read the Z), still goes through botocore.
S3_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
_parse_to_aware_datetime = serialize.parse_to_aware_datetime


def parse_to_aware_datetime(value):
    if isinstance(value, str) and sys.version_info >= (3, 11) and S3_TIMESTAMP.fullmatch(value):
        return datetime.fromisoformat(value).replace(tzinfo=tzutc())  # Python 3.11+ reads the Z; same value and zone
    return _parse_to_aware_datetime(value)


serialize.parse_to_aware_datetime = parse_to_aware_datetime


def answer(start_response, status, document):
    body = json.dumps(document).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body))), ("X-Sparkify-Bulk", "1")])
    return [body]


def put_objects(environ, start_response):
    bucket = parse_qs(environ.get("QUERY_STRING", "")).get("bucket", [""])[0]
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length)
    backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
    etags = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(body), mode="r:") as archive:
            for member in archive:
                if member.isfile():
                    # The ETag of a one-part PUT is the MD5 of the bytes (moto computes it the same way, reading them back).
                    value = archive.extractfile(member).read()
                    key = backend.put_object(bucket, member.name, value, etag=hashlib.md5(value).hexdigest())
                    etags[member.name] = key.etag.strip('"')
    except Exception as e:  # the client reports it, naming the bucket
        return answer(start_response, "400 Bad Request", {"error": f"{type(e).__name__}: {e}"})
    return answer(start_response, "200 OK", etags)


def list_objects(environ, start_response):
    """Every object of the bucket in key order, as [key, size, etag], from moto's own list_objects_v2 in one page: what
    ListObjectsV2 lists, without its 1,000-key pages (each of which moto answers by sorting the whole bucket and
    serialising XML: about 6 s for 10,101 keys on the busy machine; docs/local-profile.md)."""
    bucket_name = parse_qs(environ.get("QUERY_STRING", "")).get("bucket", [""])[0]
    backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
    try:
        bucket = backend.get_bucket(bucket_name)
        keys, _, _ = backend.list_objects_v2(bucket, prefix=None, delimiter=None, continuation_token=None, start_after=None,
                                             max_keys=len(bucket.keys) + 1)
    except Exception as e:  # the client then lists through ListObjectsV2, which reports the error as S3 does
        return answer(start_response, "404 Not Found", {"error": f"{type(e).__name__}: {e}"})
    return answer(start_response, "200 OK", {"objects": [[key.name, key.size, key.etag] for key in keys]})


def with_bulk_route(app):
    def wsgi(environ, start_response):
        if environ.get("PATH_INFO") == LIST_ROUTE and environ.get("REQUEST_METHOD") == "GET":
            return list_objects(environ, start_response)
        if environ.get("PATH_INFO") == ROUTE and environ.get("REQUEST_METHOD") == "POST":
            return put_objects(environ, start_response)
        if environ.get("PATH_INFO") == ROUTE and environ.get("REQUEST_METHOD") == "GET":
            return answer(start_response, "200 OK", {"bulk": True})  # the client's probe
        return app(environ, start_response)
    return wsgi


if __name__ == "__main__":
    # moto_server's own main, with its application wrapped: same options, same behaviour.
    original = server.DomainDispatcherApplication

    def dispatcher(*args, **kwargs):
        return with_bulk_route(original(*args, **kwargs))

    server.DomainDispatcherApplication = dispatcher
    server.main()
