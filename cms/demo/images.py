"""Demo pictures drawn with Pillow: no downloads, the same pictures on every run."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

from media.models import Image

PALETTES = [
    ((11, 58, 126), (7, 42, 92), (244, 196, 48)),
    ((22, 101, 52), (11, 58, 126), (240, 240, 240)),
    ((179, 17, 31), (7, 42, 92), (244, 196, 48)),
    ((30, 64, 175), (14, 116, 144), (253, 224, 71)),
    ((55, 65, 81), (11, 58, 126), (229, 231, 235)),
    ((14, 116, 144), (7, 42, 92), (244, 196, 48)),
]


def draw_picture(seed: int, size: tuple[int, int]) -> bytes:
    """A JPEG of a gradient sky, a city skyline and a badge-like emblem."""
    rng = random.Random(seed)
    top, bottom, accent = PALETTES[seed % len(PALETTES)]
    width, height = size
    picture = PILImage.new("RGB", size, top)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    x = 0
    while x < width:
        w = rng.randint(width // 30, width // 10)
        h = rng.randint(height // 6, height // 2)
        shade = tuple(max(c - 40, 0) for c in bottom)
        draw.rectangle([x, height - h, x + w, height], fill=shade)
        for wy in range(height - h + 8, height - 8, 14):
            for wx in range(x + 6, x + w - 6, 12):
                if rng.random() < 0.35:
                    draw.rectangle([wx, wy, wx + 4, wy + 6], fill=accent)
        x += w + rng.randint(2, 12)
    cx, cy, r = int(width * rng.uniform(0.6, 0.85)), int(height * 0.35), height // 6
    draw.polygon(
        [
            (cx, cy - r),
            (cx + r, cy - r // 2),
            (cx + r, cy + r // 3),
            (cx, cy + r),
            (cx - r, cy + r // 3),
            (cx - r, cy - r // 2),
        ],
        fill=accent,
        outline=(255, 255, 255),
    )
    draw.ellipse([cx - r // 3, cy - r // 3, cx + r // 3, cy + r // 3], fill=top)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def make_image(
    title: str, seed: int, size: tuple[int, int] = (1200, 675), **fields
) -> Image:
    """Create (or reuse, by title) a library image drawn from the seed."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_picture(seed, size)
    fields.setdefault("description", "城市天际线与警徽插画")  # the alt text
    image = Image(title=title, **fields)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{seed}.jpg")
    image.save()
    return image
