"""The API's JSON parser: DRF's, refusing JSON nested too deep to parse with a 400."""

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers


class JSONParser(parsers.JSONParser):
    """Python's json module recurses once per level: `[[[[…]]]]` thousands deep raises
    RecursionError, which would be a 500. It is a bad request."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(_("JSON 的嵌套层数过多。")) from None
