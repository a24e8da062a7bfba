"""API serializer fields of the guides app."""

from rest_framework.fields import Field

from cms.api.shapes import STRING, obj
from cms.api.urls import absolute
from cms.visibility import public_pages


class RelatedItemsField(Field):
    """Related service items anonymous visitors may see: id, title and URL."""

    api_schema = {
        "type": "array",
        "items": obj({"id": {"type": "integer"}, "title": STRING, "url": STRING}),
    }

    def to_representation(self, value):
        request = self.context.get("request")
        targets = (link.target for link in value.all())
        return [
            {"id": page.pk, "title": page.title, "url": absolute(page.get_url(request))}
            for page in public_pages(targets, request)
        ]
