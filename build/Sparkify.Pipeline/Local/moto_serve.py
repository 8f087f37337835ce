"""moto's server (moto_server, unchanged) plus one route for seeding the local profile's bucket in bulk.

POST /_sparkify/put-objects?bucket=NAME, body: a tar archive. Each regular member becomes the object whose key is
the member's name, stored through moto's own S3 backend (so listing, GET and ETag are moto's as for any PUT);
the answer is a JSON object {key: etag}. Why: moto serves a few hundred requests a second, so the 10,101 PUTs of a
scale-100 sample took 45-80 s; one request per few thousand objects takes about a second (docs/local-profile.md).
Everything else goes to moto unchanged. Without moto importable here, this runs moto_server itself.
"""
import io
import json
import os
import sys
import tarfile
from urllib.parse import parse_qs

ROUTE = "/_sparkify/put-objects"

try:
    from moto import server
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.s3.models import s3_backends
except ImportError:
    os.execvp("moto_server", ["moto_server"] + sys.argv[1:])


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
                    key = backend.put_object(bucket, member.name, archive.extractfile(member).read())
                    etags[member.name] = key.etag.strip('"')
    except Exception as e:  # the client reports it, naming the bucket
        return answer(start_response, "400 Bad Request", {"error": f"{type(e).__name__}: {e}"})
    return answer(start_response, "200 OK", etags)


def with_bulk_route(app):
    def wsgi(environ, start_response):
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
