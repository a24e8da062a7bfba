"""Which images and documents the public may find: those live, public pages use.

An upload is public once a live page without view restrictions refers to it (as a
field, a StreamField block or a rich-text link), directly or through a video it shows,
and it does not sit in a collection with view restrictions. Pictures of drafts and
attachments of embargoed documents stay unlisted until their page goes live.

References come from Wagtail's reference index, which is built from the saved page
row: for a live page that is the published content, never an unpublished draft.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex


def live_public_page_ids() -> QuerySet:
    """Ids (as text, like the reference index) of live pages anyone may view."""
    return (
        Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    )


def referenced_ids(target: type, sources: QuerySet, source_model: type) -> QuerySet:
    """Primary keys of `target` objects that objects in `sources` refer to."""
    return (
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(target),
            base_content_type=ContentType.objects.get_for_model(source_model),
            object_id__in=sources,
        )
        .annotate(target_pk=Cast("to_object_id", BigIntegerField()))
        .values("target_pk")
    )


def public_collection_q() -> Q:
    """Outside every collection with a view restriction (and its sub-collections)."""
    restricted = CollectionViewRestriction.objects.values_list(
        "collection__path", flat=True
    )
    q = Q()
    for path in restricted:
        q &= ~Q(collection__path__startswith=path)
    return q


def used_by_public_pages(model: type) -> QuerySet:
    """The model's objects a live, public page refers to (whatever their collection)."""
    from media.models import Video

    pages = live_public_page_ids()
    shown_videos = (
        Video.objects.filter(pk__in=referenced_ids(Video, pages, Page))
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    used = Q(pk__in=referenced_ids(model, pages, Page))
    if model is not Video:
        used |= Q(pk__in=referenced_ids(model, shown_videos, Video))
    return model.objects.filter(used)


def publicly_used(model: type) -> QuerySet:
    """The model's objects (images, documents) the public may find and download."""
    return used_by_public_pages(model).filter(public_collection_q())


def is_used_by_public_pages(obj) -> bool:
    """Whether a live, public page refers to this one image or document."""
    return used_by_public_pages(type(obj)).filter(pk=obj.pk).exists()
