#!/usr/bin/env python3
"""validate-json.py SCHEMA FILE: check FILE against a JSON schema.

Uses the jsonschema module when it is installed; otherwise checks the
subset of JSON Schema that tests/schema/ uses (type, const, enum,
required, properties, additionalProperties, items, $ref to #/$defs).
Prints each violation with its path; exits 1 if there is any.
"""
import json
import sys

TYPES = {'object': dict, 'array': list, 'string': str, 'boolean': bool, 'null': type(None)}


def is_type(value, name):
    if name == 'integer':
        return isinstance(value, int) and not isinstance(value, bool)
    if name == 'number':
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, TYPES[name])


def check(value, schema, root, path, errors):
    if '$ref' in schema:
        schema = root['$defs'][schema['$ref'].split('/')[-1]]
    types = schema.get('type')
    if types is not None:
        types = types if isinstance(types, list) else [types]
        if not any(is_type(value, t) for t in types):
            errors.append('%s: %r is not of type %s' % (path, value, '/'.join(types)))
            return
    if 'const' in schema and value != schema['const']:
        errors.append('%s: %r is not %r' % (path, value, schema['const']))
    if 'enum' in schema and value not in schema['enum']:
        errors.append('%s: %r is not one of %r' % (path, value, schema['enum']))
    if isinstance(value, dict):
        for key in schema.get('required', []):
            if key not in value:
                errors.append('%s: %r is required' % (path, key))
        props = schema.get('properties', {})
        for key, item in value.items():
            sub = props.get(key, schema.get('additionalProperties'))
            if isinstance(sub, dict):
                check(item, sub, root, '%s.%s' % (path, key), errors)
    if isinstance(value, list) and 'items' in schema:
        for i, item in enumerate(value):
            check(item, schema['items'], root, '%s[%d]' % (path, i), errors)


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding='utf-8') as f:
        data = json.load(f)
    errors = []
    try:
        import jsonschema
        errors = ['%s: %s' % ('.'.join(map(str, e.path)) or '$', e.message)
                  for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    except ImportError:
        check(data, schema, schema, '$', errors)
    for e in errors:
        print('%s: %s' % (sys.argv[2], e), file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
