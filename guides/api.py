"""API serializer fields of the guides app."""

from rest_framework.fields import Field


class RelatedItemsField(Field):
    """Related service items as id, title and URL, from prefetched links."""

    def to_representation(self, value):
        return [
            {"id": link.target.pk, "title": link.target.title, "url": link.target.url}
            for link in value.all()
            if link.target.live
        ]
