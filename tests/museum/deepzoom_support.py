"""A small museum for the viewer and IIIF tests, and what serving it needs.

A hall, the collection and exhibits with pictures large enough for several zoom
levels; `MEDIA_URLS` serves /media/ as the web server does in production (the test
settings run without DEBUG, so cms.urls does not); `ensure_openseadragon()` runs
`npm ci` when the viewer's package is missing, so a hand-run pytest works.
"""

import io
import itertools
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from media.models import Image
from museum.models import ExhibitImage, ExhibitPage
from tests.factories import add
from tests.museum import builders

MEDIA_URLS = "tests.museum.media_urls"
OPENSEADRAGON = settings.BASE_DIR / "node_modules" / "openseadragon" / "build"
_numbers = itertools.count(1)


def make_picture(title: str = "藏品照片", size=(1600, 1000)) -> Image:
    """A JPEG with detail in it (a gradient), wider than two zoom levels."""
    down = PILImage.linear_gradient("L")
    across = down.rotate(90).resize(size)
    down = down.resize(size)
    picture = PILImage.merge("RGB", (down, across, down))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    image = Image(title=title)
    image.file = ImageFile(buffer, name="exhibit.jpg")
    image.save()
    return image


def make_museum(tree: dict) -> dict:
    """tests.museum.builders' museum, with its first hall as the one on show."""
    museum = builders.make_museum(tree)
    museum["hall"] = museum["halls"][0]
    return museum


def make_exhibit(
    museum: dict, pictures: int = 2, publish: bool = True, size=(1600, 1000), **fields
) -> ExhibitPage:
    """An exhibit on show in the hall with `pictures` captioned pictures."""
    number = next(_numbers)
    fields.setdefault("title", f"铜质警徽 {number}")
    fields.setdefault("accession_number", f"JWM-T{number:04d}")
    fields.setdefault("category", museum["category"])
    fields.setdefault("material", museum["material"])
    fields.setdefault("period", "20世纪50年代")
    fields.setdefault("year_start", 1955)
    fields.setdefault("maker", "沈阳造币厂")
    fields.setdefault("dimensions", "直径 60 毫米")
    fields.setdefault("hall", museum["hall"])
    fields.setdefault("hall_order", number)
    fields.setdefault("teaser", "新中国第一代警徽。")
    exhibit = ExhibitPage(
        slug=f"exhibit-{number}",
        images=[
            ExhibitImage(
                image=make_picture(f"警徽 {number}-{n}", size),
                alt_text=f"警徽正面，第 {n} 张",
                caption=f"图注 {n}" if n % 2 else "",
            )
            for n in range(1, pictures + 1)
        ],
        **fields,
    )
    if publish:
        return add(museum["collection"], exhibit)
    exhibit.live = False
    museum["collection"].add_child(instance=exhibit)
    exhibit.save_revision()
    return exhibit


def ensure_openseadragon() -> None:
    """Install the npm packages (scripts/install.sh's rule) when they are missing."""
    lock = settings.BASE_DIR / "package-lock.json"
    installed = settings.BASE_DIR / "node_modules" / ".package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is missing: apt-get install nodejs npm")
    subprocess.run(  # noqa: S603 - a fixed command
        [npm, "ci", "--omit=dev", "--no-audit", "--no-fund"],
        cwd=Path(settings.BASE_DIR),
        check=True,
    )
