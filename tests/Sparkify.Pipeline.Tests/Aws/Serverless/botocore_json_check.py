"""Checks Redshift Serverless (JSON 1.1) requests against botocore's copy of AWS's service model, serializes them with
botocore's own JSON serializer, and shapes answers from the model's output shapes.

Called by the C# tests (ServerlessModel.cs) and by the test double (ModelResponder.cs), never by the pipeline.
Reads one JSON document on stdin, writes one on stdout.

  {"mode": "requests", "requests": [{"service": "redshift-serverless", "operation": "...", "input": {...}}]}
    -> {"results": [{"errors": [...], "body": "...", "target": "...", "content_type": "..."}]}
    errors: members the input shape does not have (with a one-letter-off suggestion), wrong JSON types, enums,
    min/max (string and list lengths, number ranges), patterns (whole value), required members (botocore's
    ParamValidator too). body/target/content_type: what botocore's JSON serializer makes of the same input.

  {"mode": "responses", "service": "...", "operation": "...", "variant": "full"|"sparse"|"empty"}
    -> {"json": {...}}: an answer shaped by the output shape. full: every member, lists of two; sparse: required
    members and structures only; empty: lists empty. Strings "<member>-1", integers 7, timestamps epoch seconds.

  A request with "shape": "output" checks an answer against the output shape instead (errors only).
  --serve: one JSON document per line on stdin, one answer per line on stdout.
"""
import json
import os
import sys

import botocore.session
from botocore.serialize import create_serializer
from botocore.validate import ParamValidator

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from botocore_check import _matches as matches, _one_edit as one_edit  # noqa: E402  the Query API check's helpers

SESSION = botocore.session.get_session()


def check(shape, value, where, errors):
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        if not isinstance(value, dict):
            errors.append(f"{where}: {shape.name} is a structure, got {type(value).__name__}")
            return
        for name, member_value in value.items():
            if name not in shape.members:
                close = [m for m in shape.members if m.lower() == name.lower() or one_edit(m, name)]
                errors.append(f"{where}{name}: not a member of {shape.name}" + (f" (did you mean {', '.join(close)}?)" if close else ""))
                continue
            check(shape.members[name], member_value, f"{where}{name}.", errors)
        for name in shape.required_members:
            if name not in value:
                errors.append(f"{where}{name}: required by {shape.name} but missing")
        return
    where = where[:-1] if where.endswith(".") else where
    if kind == "list":
        if not isinstance(value, list):
            errors.append(f"{where}: {shape.name} is a list, got {type(value).__name__}")
            return
        bounds(meta, len(value), where, "items", errors)
        for i, item in enumerate(value):
            check(shape.member, item, f"{where}[{i}].", errors)
        return
    if kind == "boolean":
        if not isinstance(value, bool):
            errors.append(f"{where}: {shape.name} is a boolean, got {json.dumps(value)}")
        return
    if kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(f"{where}: {shape.name} is an {kind}, got {json.dumps(value)}")
            return
        bounds(meta, value, where, "", errors)
        return
    if kind == "string":
        if not isinstance(value, str):
            errors.append(f"{where}: {shape.name} is a string, got {json.dumps(value)}")
            return
        bounds(meta, len(value), where, "characters", errors)
        if meta.get("enum") and value not in meta["enum"]:
            errors.append(f"{where}: '{value}' is not one of {meta['enum']}")
        if meta.get("pattern") and not matches(meta["pattern"], value):
            errors.append(f"{where}: '{value}' does not match the model's pattern {meta['pattern']}")
        return
    if kind == "timestamp" and not isinstance(value, bool) and isinstance(value, (int, float)):
        return  # the JSON protocol's timestamps: epoch seconds
    errors.append(f"{where}: {shape.name} is a {kind}, got {json.dumps(value)}")


def bounds(meta, n, where, unit, errors):
    if "min" in meta and n < meta["min"]:
        errors.append(f"{where}: {n} {unit} is below the model's min {meta['min']}".replace("  ", " "))
    if "max" in meta and n > meta["max"]:
        errors.append(f"{where}: {n} {unit} is above the model's max {meta['max']}".replace("  ", " "))


def check_request(request):
    model = SESSION.get_service_model(request["service"])
    errors = []
    if request["operation"] not in model.operation_names:
        return {"errors": [f"{request['service']} has no operation {request['operation']}"]}
    operation = model.operation_model(request["operation"])
    if request.get("shape") == "output":
        check(operation.output_shape, request["input"], "", errors)
        return {"errors": errors}
    check(operation.input_shape, request["input"], "", errors)
    report = ParamValidator().validate(request["input"], operation.input_shape)
    if report.has_errors():
        errors += [line.strip() for line in report.generate_report().splitlines() if line.strip()]
    out = {"errors": errors}
    if not errors:
        serialized = create_serializer(model.metadata["protocol"]).serialize_to_request(request["input"], operation)
        body = serialized["body"]
        out["body"] = body.decode("utf-8") if isinstance(body, bytes) else body
        out["target"] = serialized["headers"].get("X-Amz-Target")
        out["content_type"] = serialized["headers"].get("Content-Type")
        out["method"] = serialized["method"]
        out["path"] = serialized["url_path"]
    return out


def value_of(shape, name, variant, depth, item=1):
    kind = shape.type_name
    if kind == "structure":
        out = {}
        required = set(shape.required_members)
        for member_name, member in shape.members.items():
            if depth > 5:
                continue
            if member.type_name in ("structure", "list", "map"):
                if variant == "sparse" and member.type_name != "structure" and member_name not in required:
                    continue
                out[member_name] = value_of(member, member_name, variant, depth + 1, item)
            elif variant in ("full", "empty") or member_name in required:
                out[member_name] = value_of(member, member_name, variant, depth + 1, item)
        return out
    if kind == "list":
        count = {"full": 2, "sparse": 1, "empty": 0}[variant]
        return [value_of(shape.member, name, variant, depth + 1, i) for i in range(1, count + 1)]
    if kind == "map":
        return {}
    if kind in ("integer", "long"):
        return 6 + item
    if kind in ("float", "double"):
        return 1.5
    if kind == "boolean":
        return True
    if kind == "timestamp":
        return 1767261600 + item * 86400  # 2026-01-01T10:00:00Z plus item days
    if shape.metadata.get("enum"):
        return shape.metadata["enum"][0]
    return f"{name}-{item}"


def main():
    if sys.argv[1:] == ["--serve"]:
        # One JSON document per line in, one per line out: the test double keeps one process for all its requests.
        for line in sys.stdin:
            print(json.dumps(answer(json.loads(line))), flush=True)
        return
    json.dump(answer(json.load(sys.stdin)), sys.stdout)


def answer(request):
    if request["mode"] == "requests":
        return {"results": [check_request(r) for r in request["requests"]]}
    model = SESSION.get_service_model(request["service"])
    operation = model.operation_model(request["operation"])
    return {"json": value_of(operation.output_shape, "", request["variant"], 0) if operation.output_shape else {}}


if __name__ == "__main__":
    main()
