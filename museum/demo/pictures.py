"""Demo photographs of museum objects, drawn with Pillow (no downloads).

Each category has a simple drawing of its kind of object on a studio backdrop; the
view (whole object, close-up, other side) and the seed vary it, so an exhibit's
pictures differ from each other and from other exhibits'. Pictures are large enough
for a deep-zoom viewer (1600×1200 by default).
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageOps

from media.models import Image

SIZE = (1600, 1200)
Box = tuple[float, float, float, float]


def backdrop(size: tuple[int, int], rng: random.Random) -> PILImage.Image:
    """A studio backdrop: a soft vertical gradient and a floor shadow."""
    light = tuple(rng.randint(214, 236) for _ in range(3))
    dark = tuple(max(c - rng.randint(70, 100), 0) for c in light)
    gradient = PILImage.linear_gradient("L").resize(size)
    picture = ImageOps.colorize(gradient, light, dark).convert("RGB")
    width, height = size
    shadow = PILImage.new("L", size, 0)
    ImageDraw.Draw(shadow).ellipse(
        [width * 0.18, height * 0.78, width * 0.82, height * 0.9], fill=70
    )
    picture.paste((40, 34, 28), mask=shadow)
    return picture


def scaled(box: Box, origin: tuple[float, float], zoom: float) -> Box:
    ox, oy = origin
    x0, y0, x1, y1 = box
    return (ox + x0 * zoom, oy + y0 * zoom, ox + x1 * zoom, oy + y1 * zoom)


class Sketch:
    """Draw in a 100×75 unit frame, placed and zoomed on the picture."""

    def __init__(self, picture: PILImage.Image, zoom: float, shift: tuple):
        self.draw = ImageDraw.Draw(picture)
        width, height = picture.size
        self.unit = width / 100 * zoom
        self.origin = (
            width / 2 - 50 * self.unit + shift[0] * self.unit,
            height / 2 - 37.5 * self.unit + shift[1] * self.unit,
        )

    def point(self, x: float, y: float) -> tuple[float, float]:
        return (self.origin[0] + x * self.unit, self.origin[1] + y * self.unit)

    def box(self, x0, y0, x1, y1) -> Box:
        return scaled((x0, y0, x1, y1), self.origin, self.unit)

    def rect(self, *box, fill, outline=None, radius=0):
        self.draw.rounded_rectangle(
            self.box(*box),
            radius * self.unit,
            fill=fill,
            outline=outline,
            width=max(int(self.unit * 0.4), 1),
        )

    def ellipse(self, *box, fill=None, outline=None, width=0.4):
        self.draw.ellipse(
            self.box(*box),
            fill=fill,
            outline=outline,
            width=max(int(self.unit * width), 1),
        )

    def polygon(self, points, fill, outline=None):
        self.draw.polygon(
            [self.point(x, y) for x, y in points], fill=fill, outline=outline
        )

    def line(self, points, fill, width=0.5):
        self.draw.line(
            [self.point(x, y) for x, y in points],
            fill=fill,
            width=max(int(self.unit * width), 1),
        )

    def star(self, cx, cy, r, fill):
        import math

        points = []
        for n in range(10):
            radius = r if n % 2 == 0 else r * 0.42
            angle = math.pi / 2 + n * math.pi / 5
            points.append(
                (cx + radius * math.cos(angle), cy - radius * math.sin(angle))
            )
        self.polygon(points, fill)


def firearm(s: Sketch, rng):
    steel = (38, 40, 46)
    s.polygon(
        [(22, 28), (74, 28), (76, 31), (76, 36), (44, 36), (40, 38), (22, 36)], steel
    )
    s.polygon([(40, 36), (50, 36), (46, 60), (34, 60)], (70, 46, 30))
    s.ellipse(46, 35, 56, 45, outline=steel, width=1)
    s.line([(26, 31), (70, 31)], (90, 92, 98), 0.4)
    for n in range(5):
        s.line([(37 + n, 42 + n * 3), (45 + n, 42 + n * 3)], (50, 34, 22), 0.5)


def insignia(s: Sketch, rng):
    gold, red = (214, 168, 48), (178, 24, 34)
    s.ellipse(30, 12, 70, 52, fill=gold, outline=(150, 110, 20), width=0.8)
    s.ellipse(34, 16, 66, 48, fill=(20, 52, 120))
    s.star(50, 30, 11, gold)
    s.polygon([(36, 50), (44, 50), (40, 66), (32, 62)], red)
    s.polygon([(56, 50), (64, 50), (68, 62), (60, 66)], red)
    for n in range(rng.randint(1, 3)):
        s.star(38 + n * 12, 70, 3, gold)


def uniform(s: Sketch, rng):
    cloth = rng.choice([(24, 50, 96), (46, 70, 40), (28, 34, 44), (60, 72, 98)])
    s.polygon(
        [
            (34, 14),
            (66, 14),
            (80, 24),
            (76, 44),
            (70, 42),
            (70, 68),
            (30, 68),
            (30, 42),
            (24, 44),
            (20, 24),
        ],
        cloth,
    )
    s.polygon([(44, 14), (50, 26), (56, 14)], (236, 236, 230))
    s.line([(50, 26), (50, 68)], tuple(max(c - 20, 0) for c in cloth), 0.6)
    for n in range(4):
        s.ellipse(48, 32 + n * 9, 52, 36 + n * 9, fill=(214, 176, 60))
    s.rect(28, 14, 40, 19, fill=(214, 176, 60), radius=1)
    s.rect(60, 14, 72, 19, fill=(214, 176, 60), radius=1)


def fire_vehicle(s: Sketch, rng):
    red = (190, 28, 30)
    s.rect(14, 30, 70, 58, fill=red, radius=2)
    s.polygon([(70, 36), (82, 36), (88, 46), (88, 58), (70, 58)], red)
    s.polygon([(72, 38), (81, 38), (85, 46), (72, 46)], (170, 210, 230))
    s.rect(16, 24, 66, 28, fill=(190, 190, 196))
    for x in range(18, 66, 6):
        s.line([(x, 24), (x, 28)], (120, 120, 126), 0.5)
    for x in (24, 58, 80):
        s.ellipse(x - 6, 52, x + 6, 64, fill=(28, 28, 30))
        s.ellipse(x - 2.5, 55.5, x + 2.5, 60.5, fill=(160, 160, 166))
    s.rect(20, 40, 64, 43, fill=(236, 236, 230))


def radio(s: Sketch, rng):
    body = rng.choice([(34, 36, 40), (60, 64, 52), (28, 40, 56)])
    s.rect(38, 20, 62, 68, fill=body, radius=3)
    s.rect(52, 6, 55, 20, fill=(30, 30, 32))
    s.rect(42, 26, 58, 36, fill=(150, 190, 150))
    for n in range(6):
        s.line([(42, 42 + n * 3.5), (58, 42 + n * 3.5)], (18, 18, 20), 0.8)
    s.ellipse(41, 14, 47, 20, fill=(150, 150, 150))


def document(s: Sketch, rng):
    paper = (232, 220, 190)
    s.rect(24, 10, 72, 70, fill=(200, 186, 150))
    s.rect(28, 8, 76, 68, fill=paper)
    for n in range(12):
        width = rng.uniform(24, 42)
        s.rect(32, 16 + n * 4, 32 + width, 17.2 + n * 4, fill=(70, 60, 50))
    s.ellipse(56, 50, 70, 64, outline=(190, 30, 30), width=0.8)
    s.star(63, 57, 3, (190, 30, 30))


def photograph(s: Sketch, rng):
    s.rect(20, 10, 80, 66, fill=(60, 44, 28))
    s.rect(24, 14, 76, 62, fill=(226, 206, 168))
    s.rect(24, 44, 76, 62, fill=(168, 140, 100))
    for n in range(rng.randint(3, 6)):
        x = 30 + n * 8
        s.ellipse(x, 30, x + 4, 34, fill=(70, 52, 36))
        s.rect(x - 0.5, 34, x + 4.5, 46, fill=(70, 52, 36))
    s.rect(54, 22, 72, 44, fill=(140, 112, 80))


def equipment(s: Sketch, rng):
    s.polygon([(30, 12), (70, 12), (70, 52), (50, 68), (30, 52)], (30, 40, 60))
    s.polygon([(33, 15), (67, 15), (67, 50), (50, 64), (33, 50)], (60, 90, 150))
    s.rect(36, 28, 64, 34, fill=(240, 240, 240))
    s.star(50, 22, 4, (214, 176, 60))
    s.rect(76, 14, 80, 66, fill=(20, 20, 22), radius=1.5)
    s.rect(72, 24, 80, 27, fill=(20, 20, 22))


def forensics(s: Sketch, rng):
    s.rect(18, 26, 82, 66, fill=(120, 98, 70), radius=2)
    s.rect(21, 29, 79, 63, fill=(44, 36, 30))
    s.ellipse(26, 34, 42, 50, outline=(200, 200, 200), width=1.2)
    s.line([(40, 48), (48, 56)], (200, 200, 200), 1.6)
    for n in range(4):
        s.rect(52 + n * 6, 34, 55 + n * 6, 58, fill=(180, 180, 186), radius=1)
    s.rect(44, 20, 56, 26, fill=(90, 74, 54), radius=1)


def traffic(s: Sketch, rng):
    s.rect(42, 8, 58, 58, fill=(30, 32, 34), radius=3)
    for n, colour in enumerate([(210, 40, 40), (230, 180, 40), (40, 170, 80)]):
        s.ellipse(45, 11 + n * 15.5, 55, 21 + n * 15.5, fill=colour)
    s.rect(48.5, 58, 51.5, 70, fill=(90, 90, 96))
    s.polygon([(30, 68), (70, 68), (66, 72), (34, 72)], (200, 200, 200))


DRAWINGS = {
    "firearms": firearm,
    "insignia": insignia,
    "uniforms": uniform,
    "fire-vehicles": fire_vehicle,
    "communications": radio,
    "documents": document,
    "photographs": photograph,
    "equipment": equipment,
    "forensics": forensics,
    "traffic": traffic,
}
VIEWS = [(1.0, (0, 0), False), (1.9, (-8, 4), False), (1.0, (0, 0), True)]


def draw_object(kind: str, seed: int, view: int = 0, size=SIZE) -> bytes:
    """A JPEG of an object of this kind: the whole, a close-up or the other side."""
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    picture = backdrop(size, rng)
    zoom, shift, mirrored = VIEWS[view % len(VIEWS)]
    DRAWINGS.get(kind, equipment)(Sketch(picture, zoom, shift), rng)
    if mirrored:
        picture = ImageOps.mirror(picture)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=84, optimize=True)
    return buffer.getvalue()


def draw_hall(seed: int, size: tuple[int, int]) -> bytes:
    """A JPEG of an exhibition hall: walls, floor, lit show cases and panels."""
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    width, height = size
    wall = tuple(rng.randint(150, 190) for _ in range(3))
    picture = backdrop(size, rng)
    draw = ImageDraw.Draw(picture)
    horizon, left, right = height * 0.62, width * 0.22, width * 0.78
    draw.rectangle([left, height * 0.12, right, horizon], fill=wall)
    draw.polygon(
        [(0, 0), (left, height * 0.12), (left, horizon), (0, height)],
        fill=tuple(c - 35 for c in wall),
    )
    draw.polygon(
        [(width, 0), (right, height * 0.12), (right, horizon), (width, height)],
        fill=tuple(c - 35 for c in wall),
    )
    draw.polygon(
        [(0, height), (left, horizon), (right, horizon), (width, height)],
        fill=(96, 78, 60),
    )
    cases = rng.randint(3, 5)
    span = (right - left) / cases
    for n in range(cases):
        x0 = left + n * span + span * 0.12
        x1 = x0 + span * 0.76
        draw.rectangle([x0, horizon - height * 0.2, x1, horizon], fill=(70, 52, 36))
        draw.rectangle(
            [x0, horizon - height * 0.34, x1, horizon - height * 0.2],
            fill=(214, 230, 236),
            outline=(240, 240, 240),
            width=3,
        )
        draw.ellipse(
            [
                x0 + span * 0.25,
                horizon - height * 0.3,
                x1 - span * 0.25,
                horizon - height * 0.22,
            ],
            fill=rng.choice(PALETTE),
        )
        draw.ellipse(
            [x0 + span * 0.2, height * 0.13, x1 - span * 0.2, height * 0.15],
            fill=(255, 246, 214),
        )
    for side in (0, 1):
        for n in range(2):
            x = width * (0.04 + n * 0.08) if side == 0 else width * (0.88 - n * 0.08)
            draw.rectangle(
                [x, height * 0.3, x + width * 0.06, height * 0.5],
                fill=(236, 226, 206),
                outline=(120, 96, 60),
                width=4,
            )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=84)
    return buffer.getvalue()


PALETTE = [(178, 24, 34), (214, 168, 48), (38, 40, 46), (24, 50, 96), (60, 72, 98)]


def hall_image(title: str, seed: int, size=(1600, 900)):
    """Create (or reuse, by title) a library image of an exhibition hall."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, description="博物馆展厅内景插画", credit="市警察博物馆")
    image.file = ImageFile(io.BytesIO(draw_hall(seed, size)), name=f"hall-{seed}.jpg")
    image.save()
    return image


def object_image(title: str, kind: str, seed: int, view: int, alt: str, size=SIZE):
    """Create (or reuse, by title) a library image of a museum object."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, description=alt, credit="市警察博物馆")
    data = draw_object(kind, seed, view, size)
    image.file = ImageFile(io.BytesIO(data), name=f"museum-{seed}-{view}.jpg")
    image.save()
    return image
