"""A creator's own values for every placeholder a template holds: what "replacing the examples" means.

Shared by the scaffold's and the guide's template tests. The values are
written here, by field name, so that a template filled with them must pass
the check; a placeholder field without a value here fails the test that
fills it (a new placeholder needs a real value below).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from etalase.content.categories import REGISTRY
from etalase.content.schema import photo_locations, placeholder_locations, values_at

from conftest import PHOTOS

OWN_VALUES: dict[str, Any] = {
    "title": "Pantai Kelapa Condong di Ujung Desa",
    "summary": "Pantai sepi dengan pohon kelapa yang condong ke laut, ramai nelayan setiap pagi.",
    "tags": ["pantai", "nelayan"],
    "alt": "Deretan pohon kelapa condong di atas pasir, perahu nelayan di kejauhan",
    "caption": "Pagi di Pantai Kelapa Condong",
    "credit": "Siti Rahmawati",
    "youtube": "dQw4w9WgXcQ",
    "place": "Pantai Kelapa Condong",
    "address": "Dusun Pesisir, Desa Teluk Biru",
    "business": "Keripik Tempe Bu Sari",
    "products": ["Keripik tempe original", "Keripik tempe pedas"],
    "whatsapp": "0813-5550-2711",
    "links": ["https://shopee.co.id/keripik.busari"],
    "number": "P-IRT 2063201010001-28",
    "venue": "Balai Desa Teluk Biru",
    "organiser": "Sanggar Tari Teluk Biru",
    "project": "Pengaspalan Jalan Dusun Pesisir",
    "agency": "Pemerintah Desa Teluk Biru",
    "url": "https://telukbiru.desa.example.id/berita/jalan-dusun-pesisir",
    "path": "Jalan beton rata sepanjang 30 m dari parkir ke pantai",
    "coordinates": {"lat": -3.1021, "lon": 116.2214},
    "executor": "Tim Pelaksana Kegiatan Desa Teluk Biru",
}
"""What a creator writes instead of each placeholder, by field name."""


def fill(data: dict[str, Any], bundle: Path) -> dict[str, Any]:
    """``data`` (a template's front matter) with every placeholder replaced and its photos made real.

    Photos named by the template are replaced by real camera photos in ``bundle``.
    """
    model = REGISTRY.post_model(data["category"])
    for location, _example in placeholder_locations(model):
        for path, _value in list(values_at(data, [location])):
            _set(data, path, OWN_VALUES[location[-1]])
    for index, (_, name) in enumerate(values_at(data, photo_locations(model))):
        shutil.copyfile(PHOTOS[index % len(PHOTOS)], bundle / name)
    data["draft"] = False
    return data


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value
