"""An API client that knows only what /api/schema/ says.

It imports nothing of the project: operations are found by their operationId in the
published schema, every parameter it sends must be declared there, and every answer
is checked against the schema (status, content type and body) by schemathesis.
"""

from urllib.parse import urlsplit

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
