"""Which files a post may name as photos: content rules, read by validation and by the photo pipeline."""

ACCEPTED = "JPEG, PNG, WebP, HEIC"
"""The accepted formats, as named in messages."""

_EXTENSIONS = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".webp": "WEBP",
    ".heic": "HEIF",
    ".heif": "HEIF",
}
"""Accepted file extension -> the Pillow format its content must have."""
PHOTO_SUFFIXES = tuple(_EXTENSIONS)
"""Photo files a post may name."""
MAX_ORIGINAL_PIXELS = 60_000_000
"""Most pixels an original may have (a phone's 50 MP sensor fits; a decompression bomb does not)."""
MAX_ORIGINAL_BYTES = 40 * 1024 * 1024
"""Largest original file read."""
