"""moto's server (moto_server, unchanged) plus one route for seeding the local profile's bucket in bulk.

POST /_sparkify/put-batch?bucket=NAME, body: a batch (the objects' bytes back to back, then a JSON index
[[key, size], ...] in the same order, then the index's length in bytes as 4 bytes big-endian). Each object is stored
under its key through moto's own S3 backend (so listing, GET and ETag are moto's as for any PUT); the answer is a
JSON object {key: etag}. Why: moto serves a few hundred requests a second, so the 10,101 PUTs of a
scale-100 sample took 45-80 s; one request per few thousand objects takes about a second (docs/local-profile.md).
GET /_sparkify/list-objects?bucket=NAME lists the whole bucket in one JSON answer (moto's own listing, unpaged).
Everything else goes to moto unchanged. Without moto importable here, this runs moto_server itself.

SPARKIFY_MOTO_WARM=REGION (set by the pipeline): once listening, a background thread sends moto one read-only request
per service Provision uses (IAM ListRoles, EC2 DescribeSecurityGroups, Redshift DescribeClusters), so that moto's lazy start-up per service (importing it, building its backend: EC2 alone parses megabytes of JSON)
runs while the pipeline itself is still starting, and not inside Provision's first calls (docs/local-profile.md).
"""
import hashlib
import json
import os
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
import time
import urllib.error
import urllib.request
from datetime import datetime
from urllib.parse import parse_qs

# (put-objects took a tar archive: a moto started before this framing has no put-batch, and the client PUTs.)
ROUTE = "/_sparkify/put-batch"
LIST_ROUTE = "/_sparkify/list-objects"

try:
    import botocore.loaders
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

# moto's start-up, per service, made by Provision's first calls (profiled; docs/local-profile.md):
#
# 1. botocore parses its bundled JSON (endpoints, service models) once per loader, and moto makes a loader per
#    boto3.Session(): importing moto.ec2 alone made three, each parsing EC2's multi-megabyte model again. Loaders
#    with the same search paths now share one cache, as one loader already shares it between its own calls (botocore's
#    instance_cache returns the same object for the same call). The data is botocore's, read-only and unchanged.
_loader_init = botocore.loaders.Loader.__init__
_loader_caches = {}


def loader_init(self, *args, **kwargs):
    _loader_init(self, *args, **kwargs)
    key = (tuple(self._search_paths), tuple(self._extras_types), type(self.file_loader))
    self._cache = _loader_caches.setdefault(key, {})


botocore.loaders.Loader.__init__ = loader_init

# 2. Every signed request asks IAM which account owns its access key, and moto's lookup built the IAM backend of every
#    partition to look in (six; each loading about 1,500 AWS-managed policies). A backend not built yet holds no access
#    key, so the lookup here looks only in those that exist: the same answer, and only the partitions in use get built.
from moto.iam import models as iam_models  # noqa: E402


def get_account_id_from(access_key):
    for account_id, account in list(iam_models.iam_backends.items()):
        for backend in list(dict.values(account)):
            if access_key in backend.access_keys:
                return account_id
    return DEFAULT_ACCOUNT_ID


iam_models.get_account_id_from = get_account_id_from


def answer(start_response, status, document):
    body = json.dumps(document).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body))), ("X-Sparkify-Bulk", "1")])
    return [body]


def batch_objects(body):
    """The batch's objects as [(key, bytes)], checked against its index: sizes that do not add up are an error."""
    if len(body) < 4:
        raise ValueError(f"a batch of {len(body)} bytes has no index")
    end = len(body) - 4
    start = end - int.from_bytes(body[end:], "big")
    if start < 0:
        raise ValueError(f"the batch's index is longer than the batch ({len(body)} bytes)")
    view, offset, objects = memoryview(body), 0, []
    for key, size in json.loads(body[start:end]):
        objects.append((key, view[offset:offset + size]))
        offset += size
    if offset != start:
        raise ValueError(f"the index names {offset} bytes of objects, the batch holds {start}")
    return objects


def md5s(objects):
    return [hashlib.md5(value).hexdigest() for _, value in objects]


# The ETag of a one-part PUT is the MD5 of the bytes (moto computes it the same way, reading them back). hashlib lets
# go of the GIL while it hashes more than 2 KiB, so the MD5s are taken on a second core, a chunk ahead of the thread
# that stores the objects through moto (profiled: the MD5s were a quarter of the route's time, the tar parsing that
# this framing replaced a fifth; docs/local-profile.md).
HASHING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sparkify-md5")
HASH_CHUNK = 256


def put_objects(environ, start_response):
    bucket = parse_qs(environ.get("QUERY_STRING", "")).get("bucket", [""])[0]
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length)
    backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
    etags = {}
    try:
        objects = batch_objects(body)
        chunks = [objects[i:i + HASH_CHUNK] for i in range(0, len(objects), HASH_CHUNK)]
        for chunk, digests in zip(chunks, [HASHING.submit(md5s, chunk) for chunk in chunks]):
            for (name, value), md5 in zip(chunk, digests.result()):
                key = backend.put_object(bucket, name, value, etag=md5)
                etags[name] = key.etag.strip('"')
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


# One read-only call per service the pipeline uses, signed just enough for moto to pick service and region from the
# credential scope (moto checks no signature). None of them changes moto's state.
WARM_CALLS = [
    ("iam", "us-east-1", "Action=ListRoles&Version=2010-05-08"),
    ("ec2", None, "Action=DescribeSecurityGroups&Version=2016-11-15"),
    ("redshift", None, "Action=DescribeClusters&Version=2012-12-01"),
]


def warm(host, port, region):
    base = f"http://{host}:{port}/"
    deadline = time.monotonic() + 60
    calls = [(service, scope or region, body) for service, scope, body in WARM_CALLS]
    for service, scope, body in calls:
        headers = {"Authorization": f"AWS4-HMAC-SHA256 Credential=testing/20240101/{scope}/{service}/aws4_request, "
                                    "SignedHeaders=host, Signature=0",
                   "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        while time.monotonic() < deadline:
            try:
                request = urllib.request.Request(base, data=body.encode(), headers=headers)
                urllib.request.urlopen(request, timeout=30).read()
                break
            except urllib.error.HTTPError:
                break  # moto answered: the service is loaded, whatever it thought of the call
            except OSError:
                time.sleep(0.02)  # not listening yet


def start_warm_up(argv):
    region = os.environ.get("SPARKIFY_MOTO_WARM")
    if not region:
        return
    host = argv[argv.index("-H") + 1] if "-H" in argv else "127.0.0.1"
    port = argv[argv.index("-p") + 1] if "-p" in argv else "5000"
    threading.Thread(target=warm, args=(host, port, region), name="sparkify-warm-up", daemon=True).start()


if __name__ == "__main__":
    # moto_server's own main, with its application wrapped: same options, same behaviour.
    original = server.DomainDispatcherApplication

    def dispatcher(*args, **kwargs):
        return with_bulk_route(original(*args, **kwargs))

    server.DomainDispatcherApplication = dispatcher
    start_warm_up(sys.argv[1:])
    server.main()
