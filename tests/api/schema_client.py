"""An API client that knows only what /api/schema/ says.

It imports nothing of the project: operations are found by their operationId in the
published schema, every parameter, header and body it sends must be declared there
(a JSON body must match its schema), and every answer is checked against the schema
(status, content type and body) by schemathesis.
"""

from urllib.parse import urlsplit

import jsonschema
import requests
import schemathesis


class SchemaClient:
    def __init__(self, base_url: str, language: str = "zh-hans"):
        self.base_url = base_url.rstrip("/")
        self.schema = schemathesis.openapi.from_url(f"{self.base_url}/api/schema/")
        self.http = requests.Session()
        self.http.headers["Accept-Language"] = language

    def call(self, operation_id: str, path: dict | None = None, **params):
        """Call an operation by id; the response, checked against the schema."""
        operation = self.schema.find_operation_by_id(operation_id)
        declared = {parameter.name for parameter in operation.query}
        undeclared = set(params) - declared
        assert not undeclared, f"{operation_id} declares no {undeclared}"
        url = self.base_url + operation.path.format(**(path or {}))
        return self.check(operation, self.http.get(url, params=params))

    def send(
        self,
        operation_id: str,
        path: dict | None = None,
        *,
        json=None,
        data: dict | None = None,
        files: dict | None = None,
        headers: dict | None = None,
    ):
        """Send a body the operation declares: JSON, or multipart data and files."""
        operation = self.schema.find_operation_by_id(operation_id)
        headers = headers or {}
        declared = {header.name for header in operation.headers}
        assert set(headers) <= declared, f"{operation_id} declares no {set(headers)}"
        required = {header.name for header in operation.headers if header.is_required}
        assert required <= set(headers), f"{operation_id} needs {required}"
        bodies = {body.media_type: body.definition["schema"] for body in operation.body}
        if json is not None:
            assert "application/json" in bodies, f"{operation_id} takes no JSON"
            jsonschema.validate(json, bodies["application/json"])
        else:
            schema = bodies.get("multipart/form-data")
            assert schema, f"{operation_id} takes no multipart body"
            sent = set(data or {}) | set(files or {})
            assert sent <= set(schema["properties"]), sent
            assert set(schema.get("required", [])) <= sent
        url = self.base_url + operation.path.format(**(path or {}))
        response = self.http.request(
            operation.method.upper(),
            url,
            json=json,
            data=data,
            files=files,
            headers=headers,
        )
        return self.check(operation, response)

    def follow(self, url: str):
        """GET a URL the API gave (a `next` or `detail_url` link), checked."""
        path = urlsplit(url).path
        operation = self.schema.find_operation_by_path("GET", path)
        assert operation is not None, f"no operation in the schema serves {path}"
        return self.check(operation, self.http.get(url))

    @staticmethod
    def check(operation, response):
        operation.validate_response(response)
        return response
