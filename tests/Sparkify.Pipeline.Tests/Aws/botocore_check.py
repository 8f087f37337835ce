"""Checks Query API requests against botocore's copy of AWS's service models, and shapes answers from them.

Called by ServiceModelTests (C#), never by the pipeline. Reads one JSON document on stdin, writes one on stdout.

  {"mode": "requests", "requests": [{"service": "iam", "action": "...", "version": "...", "params": [[k, v], ...]}]}
    -> {"results": [{"action": ..., "errors": [...], "botocore": [[k, v], ...]}]}
    Each flat parameter is read back into the operation's input shape (member names, list/map flattening as the
    model says), then validated: required members, types, min/max, enums and patterns. The structured input is
    then serialized by botocore's own query serializer; "botocore" is its parameter set (Action and Version
    included), for the caller to compare with what it sent.

  {"mode": "responses", "service": "redshift", "action": "DescribeClusters", "variant": "full"|"sparse"|"empty"}
    -> {"xml": "..."}: an answer shaped by the operation's output shape. full: every member, lists of two;
    sparse: lists of one, only required scalars; empty: every list empty. Strings are "<Member>-1" (or "-2").
"""
import json
import re
import sys

import botocore.session
try:
    import regex as pattern_engine  # AWS patterns use \p{L}-style classes, which only the regex package knows
except ImportError:
    pattern_engine = None
from botocore.serialize import create_serializer
from botocore.validate import ParamValidator

SESSION = botocore.session.get_session()


def shape_name_of(shape, member_name):
    return shape.serialization.get("name", member_name)


class Reader:
    """Reads flat Query parameters back into a structured input, noting every name the model does not have."""

    def __init__(self):
        self.errors = []

    def structure(self, shape, flat, where):
        by_first = {}
        for key, value in flat.items():
            first, _, rest = key.partition(".")
            by_first.setdefault(first, {})[rest] = value
        out = {}
        names = {shape_name_of(m, n): n for n, m in shape.members.items()}
        for wire, rest in by_first.items():
            member = names.get(wire)
            if member is None:
                close = [w for w in names if w.lower() == wire.lower() or _one_edit(w, wire)]
                self.errors.append(f"{where}{wire}: not a member of {shape.name}" +
                                   (f" (did you mean {', '.join(close)}?)" if close else ""))
                continue
            out[member] = self.value(shape.members[member], rest, f"{where}{wire}.")
        return out

    def value(self, shape, flat, where):
        kind = shape.type_name
        if kind == "structure":
            if "" in flat:
                self.errors.append(f"{where[:-1]}: {shape.name} is a structure, not a scalar")
                return {}
            return self.structure(shape, flat, where)
        if kind == "list":
            return self.list(shape, flat, where)
        if kind == "map":
            return self.map(shape, flat, where)
        if set(flat) != {""}:
            self.errors.append(f"{where[:-1]}: {shape.name} is a {kind}, not a structure or list ({sorted(flat)})")
            return None
        return self.scalar(shape, flat[""], where[:-1])

    def list(self, shape, flat, where):
        # Not flattened: Name.<member name or "member">.N; flattened: Name.N. The member name is checked by the
        # differential comparison with botocore's serializer, so both spellings are read here.
        items = {}
        for key, value in flat.items():
            parts = key.split(".")
            if parts[0].isdigit():
                index, rest = parts[0], parts[1:]
            elif len(parts) > 1 and parts[1].isdigit():
                index, rest = parts[1], parts[2:]
            else:
                self.errors.append(f"{where}{key}: a list item needs an index ({where}member.1)")
                continue
            items.setdefault(int(index), {})[".".join(rest)] = value
        if sorted(items) != list(range(1, len(items) + 1)):
            self.errors.append(f"{where[:-1]}: list indexes {sorted(items)} are not 1..{len(items)}")
        return [self.value(shape.member, items[i], f"{where}{i}.") for i in sorted(items)]

    def map(self, shape, flat, where):
        entries = {}
        key_name = shape.key.serialization.get("name", "key")
        value_name = shape.value.serialization.get("name", "value")
        for key, value in flat.items():
            parts = key.split(".")
            if len(parts) < 3 or not parts[1].isdigit():
                self.errors.append(f"{where}{key}: a map entry is {where}entry.N.{key_name}/{value_name}")
                continue
            entries.setdefault(int(parts[1]), {})[parts[2]] = value
        out = {}
        for i, entry in sorted(entries.items()):
            out[entry.get(key_name)] = entry.get(value_name)
        return out

    def scalar(self, shape, text, where):
        kind = shape.type_name
        if kind in ("integer", "long"):
            if not re.fullmatch(r"-?\d+", text):
                self.errors.append(f"{where}: '{text}' is not an {kind}")
                return text
            return int(text)
        if kind == "boolean":
            if text not in ("true", "false"):
                self.errors.append(f"{where}: '{text}' is not a boolean (true/false)")
                return text
            return text == "true"
        if kind in ("float", "double"):
            try:
                return float(text)
            except ValueError:
                self.errors.append(f"{where}: '{text}' is not a {kind}")
                return text
        if kind == "string":
            enum = shape.metadata.get("enum")
            if enum and text not in enum:
                self.errors.append(f"{where}: '{text}' is not one of {enum}")
            pattern = shape.metadata.get("pattern")
            if pattern and not _matches(pattern, text):
                self.errors.append(f"{where}: value does not match the model's pattern {pattern}")
        return text


def _matches(pattern, text):
    # Whole-value match: stricter than Smithy's unanchored patterns, which is the safe side for a sender.
    if pattern_engine is not None:
        return pattern_engine.fullmatch(pattern, text, pattern_engine.DOTALL) is not None
    try:
        return re.fullmatch(pattern, text, re.DOTALL) is not None
    except re.error:
        raise SystemExit("the model's pattern " + pattern + " needs the 'regex' package: pip install regex")


def _one_edit(a, b):
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def check_request(request):
    errors = []
    model = SESSION.get_service_model(request["service"])
    if request["version"] != model.api_version:
        errors.append(f"Version {request['version']} is not the model's {model.api_version}")
    if request["action"] not in model.operation_names:
        errors.append(f"{request['service']} has no operation {request['action']}")
        return {"action": request["action"], "errors": errors, "botocore": []}
    operation = model.operation_model(request["action"])
    flat = {}
    for key, value in request["params"]:
        if key in flat:
            errors.append(f"{key}: sent twice")
        flat[key] = value
    reader = Reader()
    structured = reader.structure(operation.input_shape, flat, "") if operation.input_shape else {}
    errors += reader.errors
    report = ParamValidator().validate(structured, operation.input_shape) if operation.input_shape else None
    if report is not None and report.has_errors():
        errors += [line.strip() for line in report.generate_report().splitlines() if line.strip()]
    serialized = []
    if not reader.errors:
        body = create_serializer(model.metadata["protocol"]).serialize_to_request(structured, operation)["body"]
        serialized = [[k, _text(v)] for k, v in body.items()]
    return {"action": request["action"], "errors": errors, "botocore": serialized}


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def answer(service, action, variant):
    model = SESSION.get_service_model(service)
    operation = model.operation_model(action)
    ns = model.metadata.get("xmlNamespace", "")
    inner = "" if operation.output_shape is None else shape_xml(operation.output_shape, variant, 0)
    result = f"<{action}Result>{inner}</{action}Result>" if operation.output_shape is not None else ""
    return (f'<{action}Response xmlns="{ns}">{result}'
            f"<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></{action}Response>")


def shape_xml(shape, variant, depth, item=1):
    """The inside of an element of this shape."""
    kind = shape.type_name
    if kind == "structure":
        required = set(shape.required_members)
        parts = []
        for name, member in shape.members.items():
            wire = shape_name_of(member, name)
            if member.type_name in ("structure", "list", "map"):
                if depth > 4:
                    continue
                if variant == "sparse" and member.type_name == "structure" and name not in required:
                    continue
                parts.append(_element(wire, shape_xml(member, variant, depth + 1, item)))
            elif variant == "full" or name in required:
                parts.append(_element(wire, scalar_xml(member, name, item)))
        return "".join(parts)
    if kind == "list":
        count = {"full": 2, "sparse": 1, "empty": 0}[variant]
        wire = shape.member.serialization.get("name", "member")
        return "".join(_element(wire, shape_xml(shape.member, variant, depth + 1, i)) for i in range(1, count + 1))
    if kind == "map":
        count = {"full": 2, "sparse": 1, "empty": 0}[variant]
        return "".join(_element("entry", _element("key", f"key-{i}") + _element("value", f"value-{i}"))
                       for i in range(1, count + 1))
    return scalar_xml(shape, shape.name, item)


def scalar_xml(shape, name, item):
    kind = shape.type_name
    if kind in ("integer", "long"):
        return str(6 + item)
    if kind in ("float", "double"):
        return "1.5"
    if kind == "boolean":
        return "true"
    if kind == "timestamp":
        return f"2026-01-0{item}T10:00:00.000Z"
    enum = shape.metadata.get("enum")
    if enum:
        return enum[0]
    return f"{name}-{item}"


def _element(name, inner):
    return f"<{name}>{inner}</{name}>"


def main():
    request = json.load(sys.stdin)
    if request["mode"] == "requests":
        out = {"results": [check_request(r) for r in request["requests"]]}
    else:
        out = {"xml": answer(request["service"], request["action"], request["variant"])}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
