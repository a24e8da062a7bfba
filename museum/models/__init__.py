"""Models of the online Police Museum: taxonomies, home, halls, exhibits, research."""

from .collection import CollectionPage
from .exhibits import ExhibitImage, ExhibitPage, RelatedExhibit
from .home import HallPage, MuseumFeaturedExhibit, MuseumHomePage, museum_of
from .research import ResearchExhibit, ResearchIndexPage, ResearchPage
from .taxonomy import ExhibitCategory, ExhibitGrade, ExhibitMaterial

__all__ = [
    "CollectionPage",
    "ExhibitCategory",
    "ExhibitGrade",
    "ExhibitImage",
    "ExhibitMaterial",
    "ExhibitPage",
    "HallPage",
    "MuseumFeaturedExhibit",
    "MuseumHomePage",
    "RelatedExhibit",
    "ResearchExhibit",
    "ResearchIndexPage",
    "ResearchPage",
    "museum_of",
]
