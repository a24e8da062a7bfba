"""schemathesis over the whole published schema, against a live server.

Every operation gets generated requests — valid and invalid values for each declared
parameter — and every answer must be no server error, a documented status, the
documented content type and a body that matches its schema. At least 1,000 requests
are made (`MIN_REQUESTS`).

schemathesis's acceptance checks (must a schema-valid request succeed, must an invalid
one fail) are left out: free-form parameters such as `fields` and `order` are checked
against each page type's own fields, which a parameter schema cannot express.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation import GenerationMode

pytestmark = pytest.mark.live

EXAMPLES_PER_OPERATION = 60
MIN_REQUESTS = 1000
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_every_operation_answers_as_documented(api_site):
    schema = schemathesis.openapi.from_url(f"{api_site['url']}/api/schema/")
    requests = 0
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case):
                nonlocal requests
                requests += 1
                case.call_and_validate(checks=CHECKS)

            try:
                check()
            except Unsatisfiable:
                # Nothing to make invalid (an operation without parameters).
                assert mode is GenerationMode.NEGATIVE, operation.label
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001
                # Collect every operation's failures (schemathesis raises groups).
                failures.append(f"{operation.label} ({mode.value}): {error}")
    assert not failures, "\n\n".join(failures)
    assert requests >= MIN_REQUESTS, requests
