"""Browsing the collection: facets from the URL, their counts, sorting and pages.

A visitor narrows the collection by category, period, hall and material, several
values of a facet at once (`?category=firearms&category=insignia&period=1949-1978`):
values of one facet widen the choice (OR), facets narrow it (AND). Each value's count
is what the collection would hold with that value chosen and every OTHER facet as it
is (standard disjunctive faceting), so a count never depends on the facet's own
choices. All counts come from one aggregate query, whatever the collection's size.

Values that are not known (a deleted category, a typo, a hostile string) are dropped
and the page says that some filters were ignored; links are rebuilt from the cleaned
choices only, so nothing a visitor typed is carried into the page's links.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cms.params import choice_param, page_param

from .models import CollectionPage, ExhibitCategory, ExhibitMaterial, HallPage
from .models.exhibits import with_cards
from .visibility import visible

PAGE_SIZE = 24
MAX_VALUES = 10  # values of one facet at once; more are ignored


@dataclass(frozen=True)
class Period:
    """A span of years an exhibit's first year falls in; None is open-ended."""

    slug: str
    label: str | Promise
    first: int | None
    last: int | None

    def q(self) -> Q:
        q = Q()
        if self.first is not None:
            q &= Q(year_start__gte=self.first)
        if self.last is not None:
            q &= Q(year_start__lte=self.last)
        return q

    def holds(self, year: int) -> bool:
        return (self.first is None or year >= self.first) and (
            self.last is None or year <= self.last
        )


PERIODS = (
    Period("before-1949", _("1949年以前"), None, 1948),
    Period("1949-1978", _("1949–1978年"), 1949, 1978),
    Period("1979-1999", _("1979–1999年"), 1979, 1999),
    Period("since-2000", _("2000年至今"), 2000, None),
)

SORTS = {
    "accession": (_("馆藏编号"), ("accession_number",)),
    "year": (_("年代由远及近"), ("year_start", "accession_number")),
    "-year": (_("年代由近及远"), ("-year_start", "accession_number")),
    "title": (_("名称"), ("title", "accession_number")),
}
DEFAULT_SORT = "accession"


@dataclass
class Option:
    """One value of a facet, with its count and the link that toggles it."""

    value: str
    label: str | Promise
    q: Q
    selected: bool = False
    count: int = 0  # with the other facets' choices
    available: int = 0  # in the whole collection: values no one can see are hidden
    url: str = ""


@dataclass
class Facet:
    """A facet: its query parameter, label and values."""

    name: str
    label: str | Promise
    options: list[Option]

    @property
    def chosen_q(self) -> Q | None:
        """Exhibits with any of the selected values (None when none is)."""
        chosen = [option.q for option in self.options if option.selected]
        if not chosen:
            return None
        q = chosen[0]
        for other in chosen[1:]:
            q |= other
        return q

    @property
    def selected(self) -> list[Option]:
        return [option for option in self.options if option.selected]

    @property
    def shown(self) -> list[Option]:
        """Values some visible exhibit has, and those chosen."""
        return [o for o in self.options if o.available or o.selected]


@dataclass
class Browse:
    """What the collection page shows for one request."""

    facets: list[Facet]
    sorts: list[tuple[str, str | Promise, str, bool]]
    results: Page
    total: int
    ignored: bool
    clear_url: str
    chips: list[tuple[str, str]] = field(default_factory=list)
    previous_url: str = ""
    next_url: str = ""

    @property
    def filtered(self) -> bool:
        return bool(self.chips)


def period_of(year: int | None) -> Period | None:
    """The period bucket a year falls in."""
    if year is None:
        return None
    return next((period for period in PERIODS if period.holds(year)), None)


def all_of(parts) -> Q | None:
    """The conditions combined with AND, leaving out None (None when none is left)."""
    parts = [part for part in parts if part is not None]
    if not parts:
        return None
    q = parts[0]
    for part in parts[1:]:
        q &= part
    return q


def facets_of(collection: CollectionPage, request) -> list[Facet]:
    """The four facets with every value a visitor can choose (three small queries)."""
    halls = visible(HallPage.objects.sibling_of(collection, inclusive=False), request)
    return [
        Facet(
            "category",
            _("类别"),
            [
                Option(c.slug, c.name, Q(category_id=c.pk))
                for c in ExhibitCategory.objects.all()
            ],
        ),
        Facet("period", _("年代"), [Option(p.slug, p.label, p.q()) for p in PERIODS]),
        Facet(
            "hall",
            _("展厅"),
            [
                Option(h.slug, h.title, Q(hall_id=h.pk))
                for h in halls.order_by("route_order", "path")
            ],
        ),
        Facet(
            "material",
            _("材质"),
            [
                Option(m.slug, m.name, Q(material_id=m.pk))
                for m in ExhibitMaterial.objects.all()
            ],
        ),
    ]


def select(facets: list[Facet], params) -> bool:
    """Mark the values the URL chooses; whether any value was not understood."""
    ignored = False
    for facet in facets:
        known = {option.value: option for option in facet.options}
        values = params.getlist(facet.name)
        if len(values) > MAX_VALUES:
            ignored = True
        for value in values[:MAX_VALUES]:
            if value in known:
                known[value].selected = True
            elif value:
                ignored = True
    return ignored


def count(exhibits: QuerySet, facets: list[Facet]) -> int:
    """Fill in every value's count in one query; return the number of results."""
    chosen = {facet.name: facet.chosen_q for facet in facets}
    aggregates = {"total": Count("pk", filter=all_of(chosen.values()))}
    for facet in facets:
        others = all_of(q for name, q in chosen.items() if name != facet.name)
        for number, option in enumerate(facet.options):
            condition = option.q if others is None else option.q & others
            aggregates[f"{facet.name}_{number}"] = Count("pk", filter=condition)
            aggregates[f"{facet.name}_{number}_all"] = Count("pk", filter=option.q)
    counts = exhibits.aggregate(**aggregates)
    for facet in facets:
        for number, option in enumerate(facet.options):
            option.count = counts[f"{facet.name}_{number}"]
            option.available = counts[f"{facet.name}_{number}_all"]
    return counts["total"]


class Links:
    """Links rebuilt from the cleaned choices: toggles, sorting, pages."""

    def __init__(self, path: str, facets: list[Facet], sort: str):
        self.path = path
        self.chosen = {f.name: [o.value for o in f.selected] for f in facets}
        self.sort = sort

    def url(self, chosen: dict[str, list[str]] | None = None, sort=None, page=1):
        chosen = self.chosen if chosen is None else chosen
        sort = self.sort if sort is None else sort
        params = [(name, value) for name, values in chosen.items() for value in values]
        if sort != DEFAULT_SORT:
            params.append(("sort", sort))
        if page > 1:
            params.append(("page", str(page)))
        return f"{self.path}?{urlencode(params)}" if params else self.path

    def toggle(self, name: str, value: str) -> str:
        values = self.chosen[name]
        changed = (
            [v for v in values if v != value] if value in values else [*values, value]
        )
        return self.url({**self.chosen, name: changed})


def browse(collection: CollectionPage, request) -> Browse:
    """Filter, count, sort and page the collection for this request."""
    params = request.GET
    facets = facets_of(collection, request)
    ignored = select(facets, params)
    sort = choice_param(params, "sort", SORTS, DEFAULT_SORT)
    ignored |= bool(params.get("sort")) and params.get("sort") != sort

    exhibits = collection.exhibits(request)
    total = count(exhibits, facets)
    links = Links(request.path, facets, sort)
    chips = []
    for facet in facets:
        for option in facet.options:
            option.url = links.toggle(facet.name, option.value)
            if option.selected:
                chips.append((f"{facet.label}：{option.label}", option.url))

    chosen = all_of(facet.chosen_q for facet in facets)
    results = exhibits.filter(chosen) if chosen is not None else exhibits
    results = with_cards(results.order_by(*SORTS[sort][1]))
    paginator = Paginator(results, PAGE_SIZE)
    paginator.count = total  # counted with the facets already
    page = paginator.get_page(page_param(params))
    return Browse(
        facets=facets,
        sorts=[
            (key, label, links.url(sort=key), key == sort)
            for key, (label, _order) in SORTS.items()
        ],
        results=page,
        total=total,
        ignored=ignored,
        clear_url=links.url({f.name: [] for f in facets}),
        chips=chips,
        previous_url=(
            links.url(page=page.previous_page_number()) if page.has_previous() else ""
        ),
        next_url=links.url(page=page.next_page_number()) if page.has_next() else "",
    )
