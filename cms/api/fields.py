"""API serializer fields shared by page models."""

from rest_framework.fields import Field


class TagNamesField(Field):
    """Tag names, sorted, read from prefetched tags when the view prefetched them."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())
