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


class ApplyFormField(Field):
    """The id of the item's application form (GET /api/v2/forms/<id>/), or null."""

    api_schema = {"type": "integer", "nullable": True}

    def get_attribute(self, instance):
        return instance

    def to_representation(self, guide):
        form = guide.public_apply_form(self.context.get("request"))
        return form.pk if form else None


class AppointmentOfferField(Field):
    """The id of the item's booking offer (GET /api/v2/booking/offers/), or null."""

    api_schema = {"type": "integer", "nullable": True}

    def get_attribute(self, instance):
        return instance

    def to_representation(self, guide):
        offer = guide.appointment_offer
        return offer.pk if offer and offer.active else None
